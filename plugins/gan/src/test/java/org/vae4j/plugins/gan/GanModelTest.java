package org.vae4j.plugins.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.api.Parameter;
import org.vae4j.api.TrainingProgress;
import org.vae4j.api.data.Batch;
import org.vae4j.api.data.DataInfo;
import org.vae4j.api.model.Metrics;
import org.vae4j.api.model.StepContext;
import org.vae4j.api.model.TrainingPhase;
import org.vae4j.api.optim.Optimizer;
import org.vae4j.engine.gradcheck.GradientCheck;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.BatchNorm;
import org.vae4j.engine.layers.Dense;
import org.vae4j.engine.layers.LeakyReLU;
import org.vae4j.engine.layers.Tanh;
import org.vae4j.engine.optim.Adam;
import org.vae4j.engine.params.ModelParameters;
import org.vae4j.engine.random.SeededRandom;
import org.vae4j.engine.testing.Arrays;
import org.vae4j.engine.train.InMemoryBatchSource;
import org.vae4j.engine.train.Trainer;
import org.vae4j.engine.train.TrainingListener;
import org.vae4j.plugins.gan.discriminator.SequentialDiscriminator;
import org.vae4j.plugins.gan.loss.LeastSquaresLoss;
import org.vae4j.plugins.gan.loss.NonSaturatingLoss;

/**
 * The GAN's training phases: their gradients against central differences of the losses they
 * report (both networks with batch normalization, run several times per step), the order of the
 * phases, held-out figures, and that adversarial training moves the generator onto the data.
 */
class GanModelTest {
    private static final DataInfo ONE_D = new DataInfo("line", new long[] {1}, DataInfo.SCALE, 0, DataInfo.SAME,
            List.of());

    private static GanModel model(DataType type, long dims, int latent, int steps, boolean leastSquares, long seed) {
        var random = Arrays.rng(seed);
        Initializer init = Initializer.named("pytorch");
        TestGenerator g = new TestGenerator(List.of(new Dense(latent, 6, init, type, random), new BatchNorm(type, 6),
                new LeakyReLU(0.2, 6), new Dense(6, dims, init, type, random), new Tanh(dims)));
        SequentialDiscriminator d = new SequentialDiscriminator(List.of(new Dense(dims, 5, init, type, random),
                new BatchNorm(type, 5), new LeakyReLU(0.2, 5), new Dense(5, 1, init, type, random)));
        DataInfo data = new DataInfo("test", new long[] {dims}, DataInfo.SCALE, 0, DataInfo.SYMMETRIC, List.of());
        return new GanModel(g, d, new GaussianTestPrior(latent, type), leastSquares ? new LeastSquaresLoss()
                : new NonSaturatingLoss(), steps, data, type);
    }

    private static StepContext context(long seed) {
        return new StepContext(new TrainingProgress(0, 1, 0, 1), new SeededRandom(seed).get());
    }

    private static Batch batch(long seed, int n, long dims) {
        INDArray x = Arrays.uniform(DataType.DOUBLE, seed, n, dims);
        return new Batch(x, x, new int[n], new int[n]);
    }

    private static void zero(Layer... layers) {
        for (Layer l : layers) {
            GradientCheck.allParameters(l).forEach(p -> p.gradient().assign(0));
        }
    }

    private static void check(String what, Layer network, DoubleSupplier loss) {
        List<Parameter> params = GradientCheck.allParameters(network);
        List<INDArray> analytic = new ArrayList<>();
        params.forEach(p -> analytic.add(p.gradient().dup()));
        for (int i = 0; i < params.size(); i++) {
            GradientCheck.Result r = GradientCheck.compare(loss, params.get(i).value(), analytic.get(i), 1e-6);
            assertTrue(r.relativeError() < 1e-5, what + " parameter " + i + " (" + params.get(i) + "): " + r);
        }
    }

    @Test
    void discriminatorPhaseGradientIsThatOfItsLoss() {
        for (boolean ls : new boolean[] {false, true}) {
            GanModel m = model(DataType.DOUBLE, 4, 3, 1, ls, 5);
            TrainingPhase phase = m.phases().get(0);
            Batch b = batch(6, 7, 4);
            zero(m.discriminator(), m.generator());
            Metrics first = phase.step(b, context(11));
            assertTrue(GradientCheck.allParameters(m.generator()).stream()
                    .allMatch(p -> p.gradient().amaxNumber().doubleValue() == 0), "D's phase leaves G's gradients");
            check("D (" + (ls ? "least squares" : "non-saturating") + ")", m.discriminator(),
                    () -> phase.step(b, context(11)).mean("loss_d"));
            assertEquals(7, first.count("loss_d"));
        }
    }

    @Test
    void generatorPhaseGradientGoesThroughTheDiscriminator() {
        GanModel m = model(DataType.DOUBLE, 4, 3, 1, false, 7);
        List<TrainingPhase> phases = m.phases();
        Batch b = batch(8, 6, 4);
        zero(m.discriminator(), m.generator());
        phases.get(0).step(b, context(12));
        zero(m.generator());
        Metrics g = phases.get(1).step(null, context(13));
        assertTrue(g.has("loss_g"));
        check("G", m.generator(), () -> {
            phases.get(0).step(b, context(12));
            return phases.get(1).step(null, context(13)).mean("loss_g");
        });
    }

    @Test
    void kDiscriminatorPhasesEachTakeABatchThenOneGeneratorPhase() {
        GanModel m = model(DataType.FLOAT, 4, 3, 3, false, 1);
        List<String> names = m.phases().stream().map(p -> p.name() + (p.consumesBatch() ? "+batch" : "")).toList();
        assertEquals(List.of("discriminator+batch", "discriminator+batch", "discriminator+batch", "generator"), names);
        assertEquals(List.of("discriminator", "generator"), m.parameterGroups().stream().map(g -> g.name()).toList());
        ModelParameters params = ModelParameters.of(m, DataType.FLOAT);
        assertTrue(params.parameters().containsKey("discriminator.0.weight"));
        assertTrue(params.parameters().containsKey("generator.3.bias"));
        assertEquals(List.of("discriminator.1.runningMean", "discriminator.1.runningVar", "generator.1.runningMean",
                "generator.1.runningVar"), params.buffers().keySet().stream().sorted().toList());
    }

    @Test
    void evaluationReportsBothLossesAndBeliefsWithoutTouchingTheRunningStatistics() {
        GanModel m = model(DataType.DOUBLE, 4, 3, 1, false, 3);
        ModelParameters params = ModelParameters.of(m, DataType.DOUBLE);
        Map<String, INDArray> before = new LinkedHashMap<>();
        params.buffers().forEach((k, v) -> before.put(k, v.value().dup()));
        Metrics e = m.evaluate(batch(4, 9, 4), new SeededRandom(2).get());
        for (String name : List.of("loss_d", "loss_g", "d_real", "d_fake")) {
            assertEquals(9, e.count(name), name);
            assertTrue(Double.isFinite(e.mean(name)), name);
        }
        assertTrue(e.mean("d_real") > 0 && e.mean("d_real") < 1);
        params.buffers().forEach((k, v) -> assertEquals(before.get(k), v.value(), k));
        // pictures: the symmetric inputs G makes, back in [0, 1]
        INDArray pics = m.decode(Arrays.randn(DataType.DOUBLE, 24, 5, 3).muli(10));
        assertTrue(pics.minNumber().doubleValue() >= 0 && pics.maxNumber().doubleValue() <= 1);
    }

    @Test
    void adversarialTrainingMovesTheGeneratorOntoTheData() {
        // data: N(0.5, 0.1^2) on a line; the generator starts near 0 (tanh of small values)
        DataType type = DataType.FLOAT;
        var rng = Arrays.rng(17);
        Initializer init = Initializer.named("pytorch");
        TestGenerator g = new TestGenerator(List.of(new Dense(2, 16, init, type, rng), new LeakyReLU(0.2, 16),
                new Dense(16, 1, init, type, rng)));
        SequentialDiscriminator d = new SequentialDiscriminator(List.of(new Dense(1, 16, init, type, rng),
                new LeakyReLU(0.2, 16), new Dense(16, 1, init, type, rng)));
        GanModel m = new GanModel(g, d, new GaussianTestPrior(2, type), new NonSaturatingLoss(), 1, ONE_D, type);
        INDArray data = Arrays.randn(type, 18, 2048, 1).muli(0.1).addi(0.5);
        ModelParameters params = ModelParameters.of(m, type);
        Map<String, Optimizer> optimizers = Map.of(
                GanModel.DISCRIMINATOR, new Adam(5e-4, 0.5, 0.999, 1e-8),
                GanModel.GENERATOR, new Adam(5e-4, 0.5, 0.999, 1e-8));
        Trainer trainer = new Trainer(m, params, optimizers, 0, 19);
        InMemoryBatchSource train = new InMemoryBatchSource(data, 64, 20, true);
        INDArray start = m.decode(m.sampleLatent(4000, new SeededRandom(21).get()));
        assertFalse(Math.abs(start.meanNumber().doubleValue() - 0.5) < 0.1, "starts away from the data");
        // a GAN circles around its equilibrium rather than settling, so the last epochs are averaged
        double mean = 0;
        double std = 0;
        int last = 8;
        for (int e = 0; e < 40; e++) {
            trainer.epoch(e, 40, train, null, new TrainingListener() { });
            if (e >= 40 - last) {
                INDArray samples = m.decode(m.sampleLatent(4000, new SeededRandom(21).get()));
                mean += samples.meanNumber().doubleValue() / last;
                std += samples.stdNumber().doubleValue() / last;
            }
        }
        assertEquals(0.5, mean, 0.05, "the samples' mean");
        assertTrue(std > 0.03 && std < 0.3, "the samples spread like the data (0.1), not collapsed: " + std);
    }
}
