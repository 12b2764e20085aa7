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
    /** A run directory that cannot be used as asked. */
    public static final int RUN_DIRECTORY = 4;
    /** Training diverged (NaN or infinite loss). */
    public static final int DIVERGED = 5;
    /** A plugin problem (duplicate provider names). */
    public static final int PLUGINS = 6;

    private ExitCode() {
    }
}
