package org.vae4j.api.command;

import java.util.List;

/**
 * A subcommand of {@code vae4j} contributed by a plugin, e.g. the deconvnet plugin's
 * {@code visualize}. Its provider's {@code type()} is the command's name; the runner hands it the
 * arguments after the name and a context, and maps a {@link CommandException} to its exit code.
 */
@org.vae4j.api.spi.ComponentKind("command")
public interface Command {

    /** @return one line of usage after the command's name, e.g. {@code --image FILE --out FILE.png} */
    String usage();

    /**
     * @param args    the arguments after the command's name
     * @param context streams and the runner's services
     * @return the exit code, 0 for success
     * @throws CommandException for bad arguments or data, with its exit code
     * @throws Exception        for anything else, which the runner reports as an internal error
     */
    int run(List<String> args, CommandContext context) throws Exception;
}
