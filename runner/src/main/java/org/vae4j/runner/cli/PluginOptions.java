package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vae4j.api.command.CommandException;
import org.vae4j.runner.plugins.MissingPluginsException;
import org.vae4j.runner.plugins.ProviderRegistry;
import org.vae4j.runner.plugins.ProvidersUsed;

/** {@code --plugins DIR}, shared by the commands that resolve providers. */
public final class PluginOptions {
    @Parameter(names = "--plugins", description = "A folder of extra plugins (jars, or subfolders of a plugin jar "
            + "and its dependency jars), or one plugin jar; besides ./plugins; repeatable")
    List<Path> dirs = new ArrayList<>();

    /** Where warnings go (plugins that did not load, a command's own notes); {@link Cli} sets its error stream. */
    PrintStream warnings = System.err;

    /** Jars a reopened run recorded, found again (see {@link #registryFor}). */
    private final List<Path> extraJars = new ArrayList<>();

    /**
     * The registry for reopening a run: also the plugin jars the run recorded that are not
     * registered now but still exist unchanged, so eval, --resume, --rerun and the picture
     * commands need no --plugins for them.
     *
     * @param runDir the run folder
     * @return the registry
     * @throws CommandException (exit 6) naming each provider the run used that cannot be found,
     *                          its jar, and how to pass it
     */
    ProviderRegistry registryFor(Path runDir) {
        try {
            return ProvidersUsed.reopen(runDir, extra -> {
                extraJars.clear();
                extraJars.addAll(extra);
                return registry();
            });
        } catch (MissingPluginsException e) {
            throw new CommandException(ExitCode.PLUGINS, e.getMessage());
        }
    }

    /** @return the registry over the class path, ./plugins and every --plugins folder */
    ProviderRegistry registry() {
        for (Path d : dirs) {
            if (!Files.exists(d)) {
                throw new UsageException("--plugins " + d + ": no such folder or jar");
            }
            if (Files.isRegularFile(d) && !d.getFileName().toString().endsWith(".jar")) {
                throw new UsageException("--plugins " + d + ": not a folder or a .jar file");
            }
        }
        List<Path> all = new ArrayList<>();
        all.add(Path.of("plugins"));
        all.addAll(dirs);
        all.addAll(extraJars);
        ProviderRegistry r = ProviderRegistry.discover(all);
        r.problems().forEach(p -> warnings.println("warning: " + (p.cause().startsWith("two ") ? "" : "plugin not loaded: ")
                + p));
        return r;
    }
}
