package org.vae4j.runner.cli;

/** The exit codes of the vae4j command. */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** An unexpected internal error (a bug: please report it with the stack trace). */
    public static final int INTERNAL = 1;
    /** Bad command line or bad spec. */
    public static final int USAGE = 2;
    /** Data missing or corrupt. */
    public static final int DATA = 3;
    /**
     * A file or folder that cannot be used as asked: an existing run folder, a read-only folder, a
     * full disk, a path through a file, a name too long.
     */
    public static final int FILES = 4;
    /** A run directory that cannot be used as asked (a case of {@link #FILES}). */
    public static final int RUN_DIRECTORY = FILES;
    /** Training diverged (NaN or infinite loss). */
    public static final int DIVERGED = 5;
    /** A plugin problem (duplicate provider names). */
    public static final int PLUGINS = 6;

    private ExitCode() {
    }
}
