package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.BetaSchedule;
import org.vae4j.api.TrainingProgress;
import org.vae4j.engine.model.VariationalAutoencoder;
import org.vae4j.engine.optim.Optimizer;
import org.vae4j.engine.params.ParameterStore;
import org.vae4j.engine.train.Batch;
import org.vae4j.engine.train.SeededRandom;
import org.vae4j.runner.assemble.DataAssembler;
import org.vae4j.runner.assemble.ModelAssembler;
import org.vae4j.runner.assemble.TrainingData;
import org.vae4j.runner.spec.ExperimentSpec;
import org.vae4j.runner.spec.SpecParser;

/**
 * {@code vae4j bench SPEC.json}: training throughput of a spec's model, in samples per second.
 * Reports the optimizer step alone (batches prepared beforehand) and the whole loop with batch
 * preparation, each the best of several timed rounds after a warm-up, plus the thread settings.
 */
@Parameters(commandDescription = "Measure training throughput (samples/s) of a spec's model")
public final class BenchCommand {
    @Parameter(description = "SPEC.json")
    List<String> spec = new ArrayList<>();

    @Parameter(names = "--steps", description = "Optimizer steps per timed round")
    int steps = 200;

    @Parameter(names = "--rounds", description = "Timed rounds; the best is reported")
    int rounds = 5;

    @Parameter(names = "--warmup", description = "Untimed steps first")
    int warmup = 50;

    @Parameter(names = "--batch", description = "Override data.batchSize")
    Integer batch;

    @ParametersDelegate
    PluginOptions plugins = new PluginOptions();

    int run(PrintStream out) {
        if (spec.size() != 1) {
            throw new UsageException("bench takes one SPEC.json, got " + spec.size());
        }
        if (steps < 1 || rounds < 1 || warmup < 0) {
            throw new UsageException("--steps and --rounds must be >= 1 and --warmup >= 0");
        }
        Path file = Path.of(spec.get(0));
        var root = SpecParser.readTree(file);
        if (batch != null) {
            root.with("data").put("batchSize", batch);
        }
        ExperimentSpec s = new SpecParser(plugins.registry()).parse(root, file.toString());
        TrainingData data = DataAssembler.load(s, file.toAbsolutePath().getParent(), System.getenv(),
                file.toString());
        VariationalAutoencoder model = ModelAssembler.build(s, data.shape(), file.toString());
        ParameterStore params = model.parameters();
        Optimizer opt = ModelAssembler.optimizer(s.optimizer());
        BetaSchedule beta = ModelAssembler.betaSchedule(s, file.toString());
        double b = beta.beta(new TrainingProgress(0, s.training().epochs(), 0, 1));
        List<Batch> prepared = new ArrayList<>();
        Iterator<Batch> it = data.train().epoch(0);
        while (it.hasNext() && prepared.size() < 64) {
            Batch x = it.next();
            if (x.input().size(0) == s.data().batchSize()) {
                // the source reuses its arrays for the next batch
                INDArray in = x.input().dup();
                prepared.add(new Batch(in, x.target() == x.input() ? in : x.target().dup()));
            }
        }
        int bs = s.data().batchSize();
        try (SeededRandom noise = new SeededRandom(s.seed())) {
            for (int i = 0; i < warmup; i++) {
                step(model, params, opt, prepared.get(i % prepared.size()), b, noise);
            }
            double bestStep = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    step(model, params, opt, prepared.get(i % prepared.size()), b, noise);
                }
                bestStep = Math.max(bestStep, steps * (double) bs / ((System.nanoTime() - t0) / 1e9));
            }
            double bestLoop = 0;
            for (int r = 0; r < rounds; r++) {
                Iterator<Batch> epoch = data.train().epoch(r + 1);
                long t0 = System.nanoTime();
                long seen = 0;
                for (int i = 0; i < steps && epoch.hasNext(); i++) {
                    Batch x = epoch.next();
                    step(model, params, opt, x, b, noise);
                    seen += x.input().size(0);
                }
                bestLoop = Math.max(bestLoop, seen / ((System.nanoTime() - t0) / 1e9));
            }
            out.println(String.format(Locale.ROOT,
                    "bench %s: batch %d, %d parameters; OMP_NUM_THREADS=%s; best of %d x %d steps: "
                            + "step_samples_per_s=%.0f loop_samples_per_s=%.0f",
                    s.name(), bs, params.count(), System.getenv("OMP_NUM_THREADS"), rounds, steps, bestStep, bestLoop));
        }
        return ExitCode.OK;
    }

    private static void step(VariationalAutoencoder model, ParameterStore params, Optimizer opt, Batch x, double beta,
                             SeededRandom noise) {
        model.trainStep(x.input(), x.target(), beta, noise.get());
        opt.step(params);
    }
}
