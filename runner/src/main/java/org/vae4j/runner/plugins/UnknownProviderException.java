package org.vae4j.runner.plugins;

/** A spec names a type no registered provider has. */
public class UnknownProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was asked for and which names are registered */
    public UnknownProviderException(String message) {
        super(message);
    }
}
