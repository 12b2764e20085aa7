package org.vae4j.sweep;

/** A sweep file, its base spec, its data or its folder that cannot be used: the message says what and where. */
public final class SweepException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The runner's exit code for data that is missing or corrupt. */
    static final int DATA = 3;
    private final int exitCode;

    /** @param message what is wrong and where (file and JSON path); exit code 2 */
    public SweepException(String message) {
        this(message, 2);
    }

    /**
     * @param message  what is wrong and where
     * @param exitCode the exit code it ends the sweep with
     */
    public SweepException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** @return the exit code */
    public int exitCode() {
        return exitCode;
    }
}
