package org.vae4j.runner.cli;

/** A command line that cannot be acted on. */
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong */
    public UsageException(String message) {
        super(message);
    }
}
