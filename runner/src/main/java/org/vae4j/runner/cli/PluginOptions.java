package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vae4j.runner.plugins.ProviderRegistry;

/** {@code --plugins DIR}, shared by the commands that resolve providers. */
public final class PluginOptions {
    @Parameter(names = "--plugins", description = "A folder of extra plugin jars (besides ./plugins); repeatable")
    List<Path> dirs = new ArrayList<>();

    /** Where warnings go (plugins that did not load, a command's own notes); {@link Cli} sets its error stream. */
    PrintStream warnings = System.err;

    /** @return the registry over the class path, ./plugins and every --plugins folder */
    ProviderRegistry registry() {
        List<Path> all = new ArrayList<>();
        all.add(Path.of("plugins"));
        all.addAll(dirs);
        ProviderRegistry r = ProviderRegistry.discover(all);
        r.problems().forEach(p -> warnings.println("warning: plugin not loaded: " + p));
        return r;
    }
}
