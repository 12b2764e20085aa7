package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vae4j.runner.pictures.RunFigures;

/** {@code vae4j interpolate RUN_DIR}: rows of decoded a z1 + (1 - a) z2 between prior draws (seed 003). */
@Parameters(commandDescription = "Decode a*z1 + (1-a)*z2, a = 0, 0.2, ..., 1, between pairs of prior draws: a row per pair")
public final class InterpolateCommand implements CliCommand {
    @Parameter(description = "RUN_DIR")
    List<String> runDir = new ArrayList<>();

    @Parameter(names = "--n", description = "How many pairs (rows)")
    int n = RunFigures.INTERPOLATION_PAIRS;

    @Parameter(names = "--seed", description = "Seed of the draws (0: the run's own, as in its interpolation.png)")
    long seed = 0;

    @Parameter(names = "--out", description = "The PNG to write (default: RUN_DIR/images/interpolation.png)")
    Path out;

    @ParametersDelegate
    CheckpointOption checkpoint = new CheckpointOption();

    @ParametersDelegate
    PluginOptions plugins = new PluginOptions();

    @Override
    public String name() {
        return "interpolate";
    }

    @Override
    public List<String> positional() {
        return runDir;
    }

    @Override
    public PluginOptions plugins() {
        return plugins;
    }

    @Override
    public int run(PrintStream console, List<String> commandLine) throws Exception {
        Pictured.requireOne("interpolate", runDir);
        if (n < 1 || n > 1000) {
            throw new UsageException("--n (pairs) must be from 1 to 1000, got " + n);
        }
        Pictured p = Pictured.open("interpolate", runDir, plugins, false, checkpoint.name);
        Path file = p.figures().writeInterpolation(p.output(out, RunFigures.INTERPOLATION), n, seed);
        console.println("wrote " + n + " interpolations to " + file);
        return ExitCode.OK;
    }
}
