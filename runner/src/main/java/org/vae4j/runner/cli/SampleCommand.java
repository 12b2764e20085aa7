package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.engine.train.SeededRandom;
import org.vae4j.engine.train.Seeds;
import org.vae4j.runner.images.ImageGrid;
import org.vae4j.runner.run.RunDirectory;
import org.vae4j.runner.run.TrainedModel;

/** {@code vae4j sample RUN_DIR --n 64}: a grid of pictures decoded from z ~ p(z). */
@Parameters(commandDescription = "Draw z from the prior, decode, and write a PNG grid")
public final class SampleCommand {
    private static final long SAMPLE_STREAM = 41;

    @Parameter(description = "RUN_DIR")
    List<String> runDir = new ArrayList<>();

    @Parameter(names = "--n", description = "How many samples")
    int n = 64;

    @Parameter(names = "--seed", description = "Seed of the draws")
    long seed = 0;

    @Parameter(names = "--out", description = "The PNG to write (default: RUN_DIR/images/samples.png)")
    Path out;

    @ParametersDelegate
    PluginOptions plugins = new PluginOptions();

    int run(PrintStream console) throws Exception {
        if (runDir.size() != 1) {
            throw new UsageException("sample takes one RUN_DIR, got " + runDir.size());
        }
        if (n < 1 || n > 10_000) {
            throw new UsageException("--n must be from 1 to 10000, got " + n);
        }
        RunDirectory run = RunDirectory.open(Path.of(runDir.get(0)));
        TrainedModel tm = TrainedModel.load(run, plugins.registry());
        Path file = out != null ? out : run.images().resolve("samples.png");
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        // derived, not used as it is: ND4J treats seed 0 (the default) as "seed from the clock"
        try (SeededRandom random = new SeededRandom(Seeds.derive(seed, SAMPLE_STREAM, 0))) {
            INDArray pics = tm.model().sampleIntensities(n, random.get());
            ImageGrid.write(pics, tm.dataShape(), (int) Math.ceil(Math.sqrt(n)), file);
        }
        console.println("wrote " + n + " samples to " + file);
        return ExitCode.OK;
    }
}
