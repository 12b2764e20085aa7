package org.vae4j.sweep;

/** A sweep file, its base spec or its folder that cannot be used: the message says what and where. */
public final class SweepException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where (file and JSON path) */
    public SweepException(String message) {
        super(message);
    }
}
