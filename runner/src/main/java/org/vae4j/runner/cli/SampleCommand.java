package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code vae4j sample RUN_DIR --n 64}: a grid of pictures decoded from z ~ p(z). */
@Parameters(commandDescription = "Draw z from the prior, decode, and write a PNG grid")
public final class SampleCommand implements CliCommand {
    @Parameter(description = "RUN_DIR")
    List<String> runDir = new ArrayList<>();

    @Parameter(names = "--n", description = "How many samples")
    int n = 64;

    @Parameter(names = "--seed", description = "Seed of the draws (0: the run's own, so --n 64 repeats the newest "
            + "samples-epoch picture)")
    long seed = 0;

    @Parameter(names = "--draw", description = "Show one draw x ~ p(x|z) per sample instead of its mean")
    boolean draw;

    @Parameter(names = "--class", description = "For a conditional VAE: draw this class (0 to K-1; default: a class "
            + "per row)")
    Integer classIndex;

    @Parameter(names = "--out", description = "The PNG to write (default: RUN_DIR/images/samples.png)")
    Path out;

    @ParametersDelegate
    CheckpointOption checkpoint = new CheckpointOption();

    @ParametersDelegate
    PluginOptions plugins = new PluginOptions();

    @Override
    public String name() {
        return "sample";
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
        Pictured.requireOne("sample", runDir);
        if (n < 1 || n > 10_000) {
            throw new UsageException("--n must be from 1 to 10000, got " + n);
        }
        if (classIndex != null && classIndex < 0) {
            throw new UsageException("--class must be 0 or more, got " + classIndex);
        }
        Pictured p = Pictured.open("sample", runDir, plugins, false, checkpoint.name);
        Path file = p.output(out, "samples.png");
        p.figures().writeSamples(file, n, seed, draw, classIndex == null ? -1 : classIndex);
        console.println("wrote " + n + " samples" + (classIndex == null ? "" : " of class " + classIndex) + " to " + file);
        return ExitCode.OK;
    }
}
