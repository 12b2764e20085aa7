package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vae4j.api.model.Sampler;
import org.vae4j.engine.math.NormalQuantile;
import org.vae4j.runner.pictures.Pictures;
import org.vae4j.runner.pictures.RunFigures;

/**
 * {@code vae4j manifold RUN_DIR}: the decoded pictures of a grid of latent codes tiled into one
 * image, on seed 003's evenly spaced grid over [-2, 2]^2 or at seed 000's normal quantiles.
 */
@Parameters(commandDescription = "Decode a grid of latent codes of a 2-D latent space (or a 2-D slice: --dims) into one picture")
public final class ManifoldCommand implements CliCommand {
    @Parameter(description = "RUN_DIR")
    List<String> runDir = new ArrayList<>();

    @Parameter(names = "--n", description = "Tiles per side (default: 10 for --grid linear, 20 for --grid quantile)")
    Integer n;

    @Parameter(names = "--grid", description = "linear: evenly spaced over [-range, range]; quantile: Phi^-1((i + 0.5)/n)")
    String grid = "linear";

    @Parameter(names = "--range", description = "Half width of the linear grid")
    double range = RunFigures.GRID_RANGE;

    @Parameter(names = "--dims", description = "Two latent dimensions i,j to vary (1..latentDim, z_i across, z_j up); "
            + "needed when latentDim is not 2")
    String dims;

    @Parameter(names = "--seed", description = "With --dims: hold the other dimensions at a prior draw of this seed "
            + "instead of 0")
    long seed = 0;

    @Parameter(names = "--out", description = "The PNG to write (default: RUN_DIR/images/manifold-grid.png or "
            + "manifold-quantiles.png)")
    Path out;

    @ParametersDelegate
    CheckpointOption checkpoint = new CheckpointOption();

    @ParametersDelegate
    PluginOptions plugins = new PluginOptions();

    @Override
    public String name() {
        return "manifold";
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
        Pictured.requireOne("manifold", runDir);
        if (!grid.equals("linear") && !grid.equals("quantile")) {
            throw new UsageException("--grid must be linear or quantile, got '" + grid + "'");
        }
        int side = n != null ? n : grid.equals("linear") ? RunFigures.GRID_SIDE : RunFigures.QUANTILE_SIDE;
        if (side < 2 || side > 100) {
            throw new UsageException("--n (tiles per side) must be from 2 to 100, got " + side);
        }
        if (!(range > 0) || Double.isInfinite(range)) {
            throw new UsageException("--range must be a positive number, got " + range);
        }
        int[] axes = dims == null ? null : parseDims(dims);
        Pictured p = Pictured.open("manifold", runDir, plugins, false, checkpoint.name);
        if (!(p.model().model() instanceof Sampler sampler)) {
            throw new UsageException("this model cannot decode latent codes, so it has no manifold");
        }
        int latentDim = sampler.latentDim();
        if (axes == null) {
            if (latentDim != 2) {
                throw new UsageException("a manifold needs a 2-D latent space, and this model's latentDim is " + latentDim
                        + "; give --dims i,j (1.." + latentDim + ") to show the slice through z_i and z_j with the "
                        + "other dimensions held at 0");
            }
            axes = new int[] {1, 2};
        }
        for (int a : axes) {
            if (a > latentDim) {
                throw new UsageException("--dims " + dims + ": dimension " + a + " does not exist; latentDim is " + latentDim);
            }
        }
        if (seed != 0 && latentDim == 2) {
            throw new UsageException("--seed picks the values of the dimensions --dims leaves out; a 2-D latent space has none");
        }
        double[] values = grid.equals("linear") ? Pictures.linspace(-range, range, side) : NormalQuantile.evenlySpaced(side);
        String name = grid.equals("linear") ? RunFigures.MANIFOLD_GRID : RunFigures.MANIFOLD_QUANTILES;
        Path file = p.figures().writeManifold(p.output(out, name), values, axes[0] - 1, axes[1] - 1, seed);
        console.println(String.format(Locale.ROOT, "wrote a %d x %d manifold (z%d across, z%d up, %s) to %s", side, side,
                axes[0], axes[1], grid.equals("linear") ? "from " + -range + " to " + range : "normal quantiles", file));
        return ExitCode.OK;
    }

    private static int[] parseDims(String s) {
        String[] parts = s.split(",");
        if (parts.length != 2) {
            throw new UsageException("--dims takes two latent dimensions as i,j (e.g. 1,2), got '" + s + "'");
        }
        int[] out = new int[2];
        for (int k = 0; k < 2; k++) {
            try {
                out[k] = Integer.parseInt(parts[k].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--dims takes two latent dimensions as i,j (e.g. 1,2), got '" + s + "'");
            }
            if (out[k] < 1) {
                throw new UsageException("--dims counts latent dimensions from 1 (z1, z2, ...), got '" + s + "'");
            }
        }
        if (out[0] == out[1]) {
            throw new UsageException("--dims needs two different dimensions, got '" + s + "'");
        }
        return out;
    }
}
