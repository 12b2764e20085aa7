package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vae4j.api.model.LatentEncoder;
import org.vae4j.runner.pictures.RunFigures;

/** {@code vae4j scatter RUN_DIR}: the test set's posterior means colored by class (seed 003). */
@Parameters(commandDescription = "Scatter plot of the test images' posterior means by class (PCA to 2-D beyond 2 dimensions)")
public final class ScatterCommand implements CliCommand {
    @Parameter(description = "RUN_DIR")
    List<String> runDir = new ArrayList<>();

    @Parameter(names = "--n", description = "At most this many test images, a random subset (default: all)")
    Integer n;

    @Parameter(names = "--seed", description = "Seed of the subset when --n is below the test set's size")
    long seed = 1;

    @Parameter(names = "--out", description = "The PNG or SVG (by extension) to write (default: "
            + "RUN_DIR/images/latent-scatter.png)")
    Path out;

    @ParametersDelegate
    CheckpointOption checkpoint = new CheckpointOption();

    @ParametersDelegate
    PluginOptions plugins = new PluginOptions();

    @Override
    public String name() {
        return "scatter";
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
        Pictured.requireOne("scatter", runDir);
        int limit = n == null ? Integer.MAX_VALUE : n;
        if (limit < 1) {
            throw new UsageException("--n must be at least 1, got " + n);
        }
        Pictured p = Pictured.open("scatter", runDir, plugins, true, checkpoint.name);
        if (!(p.model().model() instanceof LatentEncoder encoder)) {
            throw new UsageException("this model has no encoder, so no latent codes of test images to plot");
        }
        int latentDim = encoder.latentDim();
        if (latentDim < 2) {
            throw new UsageException("a scatter plot needs a latent space of 2 or more dimensions; this model's "
                    + "latentDim is " + latentDim);
        }
        Path file = p.figures().writeScatter(p.output(out, RunFigures.LATENT_SCATTER + ".png", List.of(".png", ".svg")), limit, seed);
        int shown = Math.min(limit, p.data().testSet().size());
        console.println("wrote the latent means of " + shown + " test images" + (latentDim > 2
                ? " (first two principal components of " + latentDim + " dimensions)" : "") + " to " + file);
        return ExitCode.OK;
    }
}
