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
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.TrainingProgress;
import org.vae4j.api.data.Batch;
import org.vae4j.api.model.Model;
import org.vae4j.api.model.StepContext;
import org.vae4j.api.optim.Optimizer;
import org.vae4j.engine.params.ModelParameters;
import org.vae4j.engine.random.SeededRandom;
import org.vae4j.engine.train.Trainer;
import org.vae4j.runner.assemble.DataAssembler;
import org.vae4j.runner.assemble.ModelAssembler;
import org.vae4j.runner.assemble.TrainingData;
import org.vae4j.runner.spec.ExperimentSpec;
import org.vae4j.runner.spec.SpecParser;

/**
 * {@code vae4j bench SPEC.json}: training throughput of a spec's model, in samples per second.
 * Times exactly the training iteration {@code train} runs (every phase, clipping and the
 * optimizers): alone, on batches prepared beforehand, and with batch preparation, each the best of
 * several timed rounds after a warm-up, plus the thread settings.
 */
@Parameters(commandDescription = "Measure training throughput (samples/s) of a spec's model")
public final class BenchCommand implements CliCommand {
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

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public List<String> positional() {
        return spec;
    }

    @Override
    public PluginOptions plugins() {
        return plugins;
    }

    @Override
    public int run(PrintStream out, List<String> commandLine) {
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
        Model model = ModelAssembler.build(s, data.info(), file.toString());
        ModelParameters params = ModelParameters.of(model, ModelAssembler.TYPE);
        Map<String, Optimizer> optimizers = ModelAssembler.optimizers(s, model, file.toString());
        Trainer trainer = new Trainer(model, params, optimizers, ModelAssembler.schedules(s, optimizers, file.toString()),
                s.clipNorm(), s.seed());
        List<Batch> prepared = new ArrayList<>();
        Iterator<Batch> it = data.train().epoch(0);
        while (it.hasNext() && prepared.size() < 64) {
            Batch x = it.next();
            if (x.size() == s.data().batchSize()) {
                // the source reuses its arrays for the next batch
                INDArray in = x.input().dup();
                prepared.add(new Batch(in, x.target() == x.input() ? in : x.target().dup(), x.labels(), x.indices()));
            }
        }
        if (prepared.isEmpty()) {
            throw new UsageException("the training split has no full batch of " + s.data().batchSize()
                    + " images; use a smaller --batch");
        }
        int epochs = s.training().epochs();
        long perEpoch = trainer.iterationsPerEpoch(data.train());
        try (SeededRandom noise = new SeededRandom(s.seed())) {
            Iterator<Batch> cycle = cycle(prepared);
            for (int i = 0; i < warmup; i++) {
                step(trainer, cycle, noise, epochs, perEpoch, i);
            }
            double bestStep = 0;
            for (int r = 0; r < rounds; r++) {
                long seen = 0;
                long t0 = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    seen += step(trainer, cycle, noise, epochs, perEpoch, i);
                }
                bestStep = Math.max(bestStep, seen / ((System.nanoTime() - t0) / 1e9));
            }
            double bestLoop = 0;
            for (int r = 0; r < rounds; r++) {
                Iterator<Batch> epoch = data.train().epoch(r + 1);
                long t0 = System.nanoTime();
                long seen = 0;
                for (int i = 0; i < steps && epoch.hasNext(); i++) {
                    seen += step(trainer, epoch, noise, epochs, perEpoch, i);
                }
                bestLoop = Math.max(bestLoop, seen / ((System.nanoTime() - t0) / 1e9));
            }
            out.println(String.format(Locale.ROOT,
                    "bench %s: batch %d, %d parameters; OMP_NUM_THREADS=%s; best of %d x %d steps: "
                            + "step_samples_per_s=%.0f loop_samples_per_s=%.0f",
                    s.name(), s.data().batchSize(), params.count(), System.getenv("OMP_NUM_THREADS"), rounds, steps,
                    bestStep, bestLoop));
        }
        return ExitCode.OK;
    }

    /** One training iteration exactly as {@code train} runs it: every phase, clipping, the optimizers. */
    private static long step(Trainer trainer, Iterator<Batch> batches, SeededRandom noise, int epochs, long perEpoch,
                             long step) {
        StepContext ctx = new StepContext(new TrainingProgress(0, epochs, step % perEpoch, perEpoch), noise.get());
        return trainer.iteration(batches, ctx, 0, step).examples();
    }

    private static Iterator<Batch> cycle(List<Batch> batches) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Batch next() {
                return batches.get(next++ % batches.size());
            }
        };
    }
}
