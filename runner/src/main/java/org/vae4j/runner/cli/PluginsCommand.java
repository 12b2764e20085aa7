package org.vae4j.runner.cli;

import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import java.util.List;
import org.vae4j.runner.plugins.PluginLoadProblem;
import org.vae4j.runner.plugins.ProviderRegistry;
import org.vae4j.runner.plugins.RegisteredProvider;

/** {@code vae4j plugins}: every provider a spec can name, with its kind, type name and jar. */
@Parameters(commandDescription = "List the registered providers and the jars they come from")
public final class PluginsCommand implements CliCommand {
    @ParametersDelegate
    PluginOptions plugins = new PluginOptions();

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public PluginOptions plugins() {
        return plugins;
    }

    @Override
    public boolean computes() {
        return false;
    }

    private static String line(RegisteredProvider p) {
        return String.format("%-14s %-20s %-16s %-60s %s", p.kindName(), p.provider().type(), p.provider().version(),
                p.source(), p.provider().description());
    }

    @Override
    public int run(PrintStream out, List<String> commandLine) {
        ProviderRegistry r = plugins.registry();
        out.println(String.format("%-14s %-20s %-16s %-60s %s", "KIND", "TYPE", "VERSION", "JAR", "DESCRIPTION"));
        for (RegisteredProvider p : r.all()) {
            out.println(line(p));
        }
        // the other claimants of a conflicting name, listed too: the user decides which jar goes
        for (ProviderRegistry.Conflict c : r.conflicts()) {
            for (RegisteredProvider p : c.providers().subList(1, c.providers().size())) {
                out.println(line(p));
            }
        }
        for (PluginLoadProblem p : r.problems()) {
            out.println((p.cause().startsWith("two ") ? "CONFLICT: " : "NOT LOADED: ") + p);
        }
        return ExitCode.OK;
    }
}
