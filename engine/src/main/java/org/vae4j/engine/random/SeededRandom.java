package org.vae4j.engine.random;

import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An ND4J random stream of its own (not the global one), freed when closed. ND4J's
 * {@code Random.close()} declares {@code Exception}; this wrapper does not, so it fits
 * try-with-resources without ceremony.
 */
public final class SeededRandom implements AutoCloseable {
    private final Random random;

    /** @param seed the seed; every value, 0 included, gives a fixed, repeatable stream */
    public SeededRandom(long seed) {
        // ND4J seeds from the clock when given 0, which would make seed 0 unrepeatable
        this.random = Nd4j.getRandomFactory().getNewRandomInstance(seed == 0 ? 0x9E3779B97F4A7C15L : seed);
    }

    /** @return the stream */
    public Random get() {
        return random;
    }

    @Override
    public void close() {
        try {
            random.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot free an ND4J random stream", e);
        }
    }
}
