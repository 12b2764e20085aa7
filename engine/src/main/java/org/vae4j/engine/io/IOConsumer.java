package org.vae4j.engine.io;

import java.io.IOException;

/**
 * An operation on one value that may fail with an {@link IOException}, which
 * {@link java.util.function.Consumer} cannot declare.
 *
 * @param <T> the type of the value
 */
@FunctionalInterface
public interface IOConsumer<T> {
    /**
     * Performs the operation.
     *
     * @param t the value
     * @throws IOException if the operation fails
     */
    void accept(T t) throws IOException;
}
