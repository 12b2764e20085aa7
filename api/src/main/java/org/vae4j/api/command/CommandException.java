package org.vae4j.api.command;

/**
 * A command cannot do what it was asked, for a reason the user can fix; the runner prints the
 * message and exits with the code.
 */
public class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Bad arguments. */
    public static final int USAGE = 2;
    /** Data missing or unreadable. */
    public static final int DATA = 3;
    /** A run folder or output file that cannot be used. */
    public static final int FILES = 4;

    private final int exitCode;

    /**
     * @param exitCode one of {@link #USAGE}, {@link #DATA}, {@link #FILES}
     * @param message  what is wrong and, where it helps, what to do
     */
    public CommandException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * @param message what is wrong with the arguments
     * @return a usage error (exit 2)
     */
    public static CommandException usage(String message) {
        return new CommandException(USAGE, message);
    }

    /** @return the exit code */
    public int exitCode() {
        return exitCode;
    }
}
