package org.vae4j.runner.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A built-in subcommand: its JCommander options are the fields of the implementing class, whose
 * {@code @Parameters} annotation describes it. {@link Cli} holds the one list of them.
 */
interface CliCommand {

    /** @return the command's name, e.g. {@code train} */
    String name();

    /** @return the positional arguments JCommander collected (a mistyped option lands here) */
    default List<String> positional() {
        return List.of();
    }

    /** @return the command's plugin folders */
    PluginOptions plugins();

    /** @return whether the command computes (and so sets up ND4J's BLAS threads) */
    default boolean computes() {
        return true;
    }

    /**
     * @param out         standard output
     * @param commandLine the whole command line, for provenance
     * @return the exit code
     * @throws Exception mapped to a message and exit code by {@link Cli}
     */
    int run(PrintStream out, List<String> commandLine) throws Exception;
}
