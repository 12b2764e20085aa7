package org.vae4j.runner.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vae4j.datasets.DataFormatException;
import org.vae4j.datasets.DataNotFoundException;
import org.vae4j.engine.Threads;
import org.vae4j.engine.train.TrainingDivergedException;
import org.vae4j.runner.plugins.DuplicateProviderException;
import org.vae4j.runner.run.RunDirectoryException;
import org.vae4j.runner.spec.SpecException;

/**
 * Parses the command line, runs the command and maps failures to a message and an
 * {@linkplain ExitCode exit code}: a user sees what is wrong and where, not a stack trace, unless
 * the failure is a bug.
 */
public final class Cli {
    private static final Pattern UNEXPECTED =
            Pattern.compile("Was passed main parameter '(.*)' but no main parameter was defined in your arg class");
    private Cli() {
    }

    /**
     * @param args the arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        TrainCommand train = new TrainCommand();
        EvalCommand eval = new EvalCommand();
        SampleCommand sample = new SampleCommand();
        ValidateCommand validate = new ValidateCommand();
        PluginsCommand plugins = new PluginsCommand();
        BenchCommand bench = new BenchCommand();
        VisualizeCommand visualize = new VisualizeCommand();
        PlotCommand plot = new PlotCommand();
        InterpolateCommand interpolate = new InterpolateCommand();
        ManifoldCommand manifold = new ManifoldCommand();
        ScatterCommand scatter = new ScatterCommand();
        for (PluginOptions p : List.of(train.plugins, eval.plugins, sample.plugins, validate.plugins, plugins.plugins,
                bench.plugins, plot.plugins, interpolate.plugins, manifold.plugins, scatter.plugins,
                visualize.plugins)) {
            p.warnings = err;
        }
        JCommander jc = JCommander.newBuilder()
                .programName("vae4j")
                .addCommand("train", train)
                .addCommand("eval", eval)
                .addCommand("sample", sample)
                .addCommand("interpolate", interpolate)
                .addCommand("manifold", manifold)
                .addCommand("scatter", scatter)
                .addCommand("plot", plot)
                .addCommand("validate", validate)
                .addCommand("plugins", plugins)
                .addCommand("bench", bench)
                .addCommand("visualize", visualize)
                .build();
        try {
            jc.parse(args);
        } catch (ParameterException e) {
            Matcher m = UNEXPECTED.matcher(String.valueOf(e.getMessage()));
            err.println("vae4j: " + (m.matches() ? "unexpected argument '" + m.group(1) + "'" : e.getMessage()));
            err.println("run 'vae4j' without arguments for usage");
            return ExitCode.USAGE;
        }
        String command = jc.getParsedCommand();
        if (command == null) {
            StringBuilder sb = new StringBuilder();
            jc.getUsageFormatter().usage(sb);
            err.print(sb);
            return ExitCode.USAGE;
        }
        // JCommander files a mistyped option (--epoch for --epochs) under the positional arguments
        List<String> positional = switch (command) {
            case "train" -> train.spec;
            case "eval" -> eval.runDir;
            case "sample" -> sample.runDir;
            case "interpolate" -> interpolate.runDir;
            case "manifold" -> manifold.runDir;
            case "scatter" -> scatter.runDir;
            case "plot" -> plot.runDir;
            case "validate" -> validate.spec;
            case "bench" -> bench.spec;
            default -> List.of();
        };
        for (String p : positional) {
            if (p.startsWith("-") && p.length() > 1) {
                List<String> names = new ArrayList<>();
                jc.getCommands().get(command).getParameters().forEach(d -> names.add(d.getNames()));
                names.sort(null);
                err.println("vae4j " + command + ": unknown option '" + p + "'; the options of " + command + " are: "
                        + String.join(", ", names));
                return ExitCode.USAGE;
            }
        }
        try {
            if (!command.equals("plugins") && !command.equals("validate")) {
                Threads.configureBlas();
            }
            return switch (command) {
                case "train" -> train.run(out, List.of(args));
                case "eval" -> eval.run(out);
                case "sample" -> sample.run(out);
                case "interpolate" -> interpolate.run(out);
                case "manifold" -> manifold.run(out);
                case "scatter" -> scatter.run(out);
                case "plot" -> plot.run(out);
                case "validate" -> validate.run(out);
                case "plugins" -> plugins.run(out);
                case "bench" -> bench.run(out);
                case "visualize" -> visualize.run(out);
                default -> throw new UsageException("unknown command " + command);
            };
        } catch (SpecException | UsageException | IllegalArgumentException e) {
            err.println("vae4j " + command + ": " + e.getMessage());
            return ExitCode.USAGE;
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
        } catch (Exception e) {
            err.println("vae4j " + command + ": internal error (please report it): " + e);
            e.printStackTrace(err);
            return ExitCode.INTERNAL;
        }
    }
}
