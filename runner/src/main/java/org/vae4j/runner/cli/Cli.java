package org.vae4j.runner.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vae4j.api.command.Command;
import org.vae4j.api.command.CommandException;
import org.vae4j.api.spi.Provider;
import org.vae4j.datasets.DataFormatException;
import org.vae4j.datasets.DataNotFoundException;
import org.vae4j.engine.Threads;
import org.vae4j.engine.train.TrainingDivergedException;
import org.vae4j.runner.plugins.DuplicateProviderException;
import org.vae4j.runner.plugins.ProviderRegistry;
import org.vae4j.runner.run.Provenance;
import org.vae4j.runner.plugins.RegisteredProvider;
import org.vae4j.runner.run.RunDirectoryException;
import org.vae4j.runner.spec.SpecException;

/**
 * Parses the command line, runs the command and maps failures to a message and an
 * {@linkplain ExitCode exit code}: a user sees what is wrong and where, not a stack trace, unless
 * the failure is a bug. The built-in commands are one list here; plugins add commands as
 * {@link Command} providers, which the runner finds by name and knows nothing else of.
 */
public final class Cli {
    private static final Pattern UNEXPECTED =
            Pattern.compile("Was passed main parameter '(.*)' but no main parameter was defined in your arg class");

    private Cli() {
    }

    private static List<CliCommand> builtins() {
        return List.of(new TrainCommand(), new EvalCommand(), new SampleCommand(), new InterpolateCommand(),
                new ManifoldCommand(), new ScatterCommand(), new PlotCommand(), new ValidateCommand(),
                new ScoreCommand(), new PluginsCommand(), new BenchCommand());
    }

    /**
     * @param args the arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<CliCommand> commands = builtins();
        JCommander.Builder builder = JCommander.newBuilder().programName("vae4j");
        for (CliCommand c : commands) {
            c.plugins().warnings = err;
            builder.addCommand(c.name(), c);
        }
        JCommander jc = builder.build();
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("version"))) {
            out.println("vae4j " + Provenance.version() + " (Java " + System.getProperty("java.version") + ")");
            return ExitCode.OK;
        }
        if (args.length >= 1 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            return help(jc, args.length > 1 ? args[1] : null, out, err);
        }
        if (args.length > 1 && commands.stream().anyMatch(c -> c.name().equals(args[0]))
                && (List.of(args).contains("--help") || List.of(args).contains("-h"))) {
            return help(jc, args[0], out, err);
        }
        if (args.length > 0 && !args[0].startsWith("-") && commands.stream().noneMatch(c -> c.name().equals(args[0]))) {
            return pluginCommand(args, out, err);
        }
        try {
            jc.parse(args);
        } catch (ParameterException e) {
            Matcher m = UNEXPECTED.matcher(String.valueOf(e.getMessage()));
            err.println("vae4j: " + (m.matches() ? "unexpected argument '" + m.group(1) + "'" : e.getMessage()));
            err.println("run 'vae4j' without arguments for usage");
            return ExitCode.USAGE;
        }
        String name = jc.getParsedCommand();
        if (name == null) {
            StringBuilder sb = new StringBuilder();
            jc.getUsageFormatter().usage(sb);
            err.print(sb);
            pluginCommandsUsage(err);
            return ExitCode.USAGE;
        }
        CliCommand command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        // JCommander files a mistyped option (--epoch for --epochs) under the positional arguments
        for (String p : command.positional()) {
            if (p.startsWith("-") && p.length() > 1) {
                List<String> names = new ArrayList<>();
                jc.getCommands().get(name).getParameters().forEach(d -> names.add(d.getNames()));
                names.sort(null);
                err.println("vae4j " + name + ": unknown option '" + p + "'; the options of " + name + " are: "
                        + String.join(", ", names));
                return ExitCode.USAGE;
            }
        }
        return guarded(name, err, () -> {
            if (command.computes()) {
                configureThreads();
            }
            return command.run(out, List.of(args));
        });
    }

    /**
     * {@code vae4j --help}, {@code vae4j help COMMAND}, {@code vae4j COMMAND --help}: the usage on
     * standard output, exit 0; an unknown command is a usage error.
     */
    private static int help(JCommander jc, String command, PrintStream out, PrintStream err) {
        StringBuilder sb = new StringBuilder();
        if (command == null) {
            jc.getUsageFormatter().usage(sb);
            out.print(sb);
            pluginCommandsUsage(out);
            out.println("  Experiment grids: vae4j sweep SWEEP.json (the sweep module, Apache Spark; ./vae4j sweep --help, "
                    + "docs/SWEEP.md)");
            out.println("Exit codes: 0 success, 1 internal error (a bug), 2 bad command line or spec, 3 data missing "
                    + "or corrupt, 4 a file or folder cannot be used (run folder conflict, read-only, full disk), "
                    + "5 training diverged, 6 plugin problem. More: README.md and docs/.");
            return ExitCode.OK;
        }
        if (!jc.getCommands().containsKey(command)) {
            err.println("vae4j help: unknown command '" + command + "'; commands: "
                    + String.join(", ", jc.getCommands().keySet()));
            return ExitCode.USAGE;
        }
        jc.getUsageFormatter().usage(command, sb);
        out.print(sb);
        return ExitCode.OK;
    }

    /** A command a plugin contributes, found by its name among the {@link Command} providers. */
    private static int pluginCommand(String[] args, PrintStream out, PrintStream err) {
        String name = args[0];
        return guarded(name, err, () -> {
            ProviderRegistry registry = registry(args, err);
            Provider<Command, Object> provider;
            try {
                provider = registry.get(Command.class, name);
            } catch (RuntimeException e) {
                err.println("vae4j: unknown command '" + name + "'; commands: " + String.join(", ", commandNames(registry)));
                err.println(name.equals("sweep") ? "sweep is the sweep module's (Apache Spark): run it as ./vae4j sweep, "
                        + "which builds and starts sweep/target/vae4j-sweep.jar" : "run 'vae4j' without arguments for usage");
                return ExitCode.USAGE;
            }
            configureThreads();
            Command command = provider.create(null, null);
            List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
            stripPluginOptions(rest);
            return command.run(rest, new PluginCommandContext(out, err, registry));
        });
    }

    private static List<String> commandNames(ProviderRegistry registry) {
        List<String> names = new ArrayList<>();
        builtins().forEach(c -> names.add(c.name()));
        registry.providers(Command.class).forEach(p -> names.add(p.provider().type()));
        return names;
    }

    private static void pluginCommandsUsage(PrintStream err) {
        ProviderRegistry registry = ProviderRegistry.discover(List.of(Path.of("plugins")));
        List<RegisteredProvider> commands = registry.providers(Command.class);
        if (!commands.isEmpty()) {
            err.println("  Commands of plugins:");
            for (RegisteredProvider p : commands) {
                err.println("    " + p.provider().type() + "      " + p.provider().description());
                err.println("      Usage: vae4j " + p.provider().type() + " "
                        + ((Command) p.provider().create(null, null)).usage());
            }
        }
    }

    /** The registry over ./plugins and every --plugins folder of a plugin command's arguments. */
    private static ProviderRegistry registry(String[] args, PrintStream err) {
        PluginOptions options = new PluginOptions();
        options.warnings = err;
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--plugins")) {
                options.dirs.add(Path.of(args[i + 1]));
            }
        }
        return options.registry();
    }

    private static void stripPluginOptions(List<String> args) {
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals("--plugins")) {
                args.remove(i + 1);
                args.remove(i);
                i--;
            }
        }
    }

    /** BLAS threads from the environment; a bad value is the user's to fix, not a bug. */
    private static void configureThreads() {
        try {
            Threads.configureBlas();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** A command's body, whose failures become a message and an exit code. */
    private interface Body {
        int run() throws Exception;
    }

    private static int guarded(String command, PrintStream err, Body body) {
        try {
            return body.run();
        } catch (SpecException | UsageException e) {
            err.println("vae4j " + command + ": " + e.getMessage());
            return ExitCode.USAGE;
        } catch (CommandException e) {
            err.println("vae4j " + command + ": " + e.getMessage());
            return e.exitCode();
        } catch (DataNotFoundException | DataFormatException e) {
            err.println("vae4j " + command + ": " + e.getMessage());
            return ExitCode.DATA;
        } catch (RunDirectoryException e) {
            err.println("vae4j " + command + ": " + e.getMessage());
            return ExitCode.RUN_DIRECTORY;
        } catch (TrainingDivergedException e) {
            err.println("vae4j " + command + ": " + e.getMessage());
            return ExitCode.DIVERGED;
        } catch (DuplicateProviderException e) {
            err.println("vae4j " + command + ": " + e.getMessage());
            return ExitCode.PLUGINS;
        } catch (IOException | UncheckedIOException e) {
            err.println("vae4j " + command + ": " + FileFaults.describe(e));
            return ExitCode.FILES;
        } catch (Exception e) {
            // an IllegalArgumentException here is a bug too: user input is checked and named before
            err.println("vae4j " + command + ": internal error (please report it): " + e);
            e.printStackTrace(err);
            return ExitCode.INTERNAL;
        }
    }
}
