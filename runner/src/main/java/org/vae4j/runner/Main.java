package org.vae4j.runner;

import org.vae4j.runner.cli.Cli;

/** The entry point of the {@code vae4j} command. */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(Cli.run(args, System.out, System.err));
    }

}
