package org.vae4j.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.model.MetricInfo;
import org.vae4j.api.model.Metrics;
import org.vae4j.api.optim.LearningRateSchedule;
import org.vae4j.api.optim.Optimizer;
import org.vae4j.engine.checkpoint.Checkpoint;
import org.vae4j.engine.optim.Adam;
import org.vae4j.engine.optim.Sgd;
import org.vae4j.engine.params.ModelParameters;

/**
 * The training loop over any model's phases and parameter groups, and the property the run
 * directory relies on: training epochs k..n after restoring the checkpoint of epoch k-1 into a
 * freshly built model gives the same numbers, bit for bit, as training straight through.
 */
class TrainerTest {
    private static final int D = 6;
    private static final int H = 4;
    private static final long MODEL_SEED = 21;
    private static final long RUN_SEED = 77;

    /** One training run: model, parameters, an optimizer per group and a trainer, from fixed seeds. */
    private static final class Run {
        final TwoPhaseModel model;
        final ModelParameters params;
        final Map<String, Optimizer> optimizers = new LinkedHashMap<>();
        final Trainer trainer;
        final InMemoryBatchSource train;
        final InMemoryBatchSource validation;

        Run(DataType type, double clipNorm, Optimizer second) {
            model = new TwoPhaseModel(MODEL_SEED, D, H, type);
            params = ModelParameters.of(model, type);
            optimizers.put("first", new Adam(0.02, 0.9, 0.999, 1e-8));
            optimizers.put("second", second);
            trainer = new Trainer(model, params, optimizers, clipNorm, RUN_SEED);
            // 11 examples in batches of 4: 4, 4 and a short 3
            train = new InMemoryBatchSource(uniform(5, 11).castTo(type), 4, 9, true);
            validation = new InMemoryBatchSource(uniform(6, 5).castTo(type), 4, 0, false);
        }

        Run(DataType type) {
            this(type, 0, new Adam(0.05, 0.9, 0.999, 1e-8));
        }

        List<EpochResult> epochs(int from, int to, int of) {
            List<EpochResult> out = new ArrayList<>();
            for (int e = from; e < to; e++) {
                out.add(trainer.epoch(e, of, train, validation, new TrainingListener() { }));
            }
            return out;
        }

        double[] values(String group) {
            return params.group(group).values().castTo(DataType.DOUBLE).toDoubleVector();
        }
    }

    private static INDArray uniform(long seed, int n) {
        return Nd4j.getRandomFactory().getNewRandomInstance(seed).nextDouble(new long[] {n, D}).castTo(DataType.DOUBLE);
    }

    private static void assertSameResults(List<EpochResult> expected, List<EpochResult> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            EpochResult e = expected.get(i);
            EpochResult a = actual.get(i);
            assertEquals(e.epoch(), a.epoch());
            assertEquals(e.train().toString(), a.train().toString(), "training figures of epoch " + e.epoch());
            for (String m : List.of("loss_first", "loss_second")) {
                assertEquals(e.train().sum(m), a.train().sum(m), 0, m + " of epoch " + e.epoch());
                assertEquals(e.validation().sum(m), a.validation().sum(m), 0, "validation " + m);
            }
            assertEquals(e.steps(), a.steps());
        }
    }

    @Test
    void inMemorySourceOrderDependsOnlyOnTheEpoch() {
        InMemoryBatchSource s = new InMemoryBatchSource(uniform(5, 11), 4, 9, true);
        assertEquals(3, s.batchesPerEpoch());
        assertArrayEquals(s.order(3), s.order(3));
        assertFalse(Arrays.equals(s.order(0), s.order(1)));
        int[] sorted = s.order(2).clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, sorted);
    }

    @Test
    void resumingFromACheckpointRepeatsTheUninterruptedRunBitForBit(@TempDir Path dir) throws Exception {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            Path ckpt = dir.resolve(type.name());
            Run straight = new Run(type);
            double[] initial = straight.values("first");
            List<EpochResult> all = straight.epochs(0, 4, 4);

            Run first = new Run(type);
            assertSameResults(all.subList(0, 2), first.epochs(0, 2, 4));
            ObjectNode meta = new ObjectMapper().createObjectNode().put("seed", RUN_SEED);
            Checkpoint.save(ckpt, 2, first.params, first.optimizers, meta, 3);

            Run resumed = new Run(type);
            assertArrayEquals(initial, resumed.values("first"), 0, "a fresh model starts from the seeds");
            Checkpoint.Loaded loaded = Checkpoint.latest(ckpt).orElseThrow();
            assertEquals(2, loaded.epochsDone());
            loaded.restore(resumed.params, resumed.optimizers);
            for (String g : List.of("first", "second")) {
                assertArrayEquals(first.values(g), resumed.values(g), 0, g);
                assertEquals(6, resumed.optimizers.get(g).iteration(), "steps of group " + g);
            }
            List<EpochResult> secondHalf = resumed.epochs(loaded.epochsDone(), 4, 4);

            assertSameResults(all.subList(2, 4), secondHalf);
            for (String g : List.of("first", "second")) {
                assertArrayEquals(straight.values(g), resumed.values(g), 0, type + ": group " + g + " after epoch 4");
            }

            // it trained: parameters moved and both losses went down
            assertFalse(Arrays.equals(initial, straight.values("first")));
            for (String m : List.of("loss_first", "loss_second")) {
                assertTrue(all.get(3).validation().mean(m) < all.get(0).validation().mean(m), m + ": "
                        + all.get(0).validation() + " -> " + all.get(3).validation());
            }

            // negative control: the parameters alone, without the optimizer state, do not resume
            Run paramsOnly = new Run(type);
            loaded.restore(paramsOnly.params);
            paramsOnly.epochs(2, 4, 4);
            assertFalse(Arrays.equals(straight.values("first"), paramsOnly.values("first")), "optimizer state matters");
        }
    }

    @Test
    void identicalRunsGiveIdenticalNumbers() {
        Run a = new Run(DataType.FLOAT);
        Run b = new Run(DataType.FLOAT);
        assertSameResults(a.epochs(0, 3, 3), b.epochs(0, 3, 3));
        assertArrayEquals(a.values("second"), b.values("second"), 0);
        Metrics ea = Evaluator.evaluate(a.model, a.validation, RUN_SEED, 7);
        Metrics eb = Evaluator.evaluate(b.model, b.validation, RUN_SEED, 7);
        assertEquals(ea.sum("loss_second"), eb.sum("loss_second"), 0);
    }

    @Test
    void phasesRunInOrderOnTheirBatchesWithProgressAndSettings() {
        Run run = new Run(DataType.DOUBLE);
        List<double[]> steps = new ArrayList<>();
        EpochResult r = run.trainer.epoch(1, 4, run.train, run.validation, new TrainingListener() {
            @Override
            public void onStep(int epoch, long stepInEpoch, long stepsPerEpoch, Metrics soFar) {
                steps.add(new double[] {epoch, stepInEpoch, stepsPerEpoch, soFar.count("loss_first"),
                        soFar.count("loss_second")});
            }
        });
        // one batch per iteration: the second phase reuses the first's
        assertEquals(3, r.steps());
        assertEquals(11, r.examples());
        assertEquals(11, r.train().count("loss_first"));
        assertEquals(11, r.train().count("loss_second"), "the second phase saw the first phase's batches");
        assertEquals(5, r.validation().count("loss_first"));
        assertEquals(List.of(4.0, 8.0, 11.0), steps.stream().map(s -> s[3]).toList());
        assertEquals(List.of(4.0, 8.0, 11.0), steps.stream().map(s -> s[4]).toList());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(new double[] {1, i + 1, 3}, Arrays.copyOf(steps.get(i), 3));
        }
        // the setting keeps the last step's value: epoch 1 of 3 iterations each ends at step 5
        assertEquals(5, r.train().setting("step"));
        // validation is the evaluation with the noise of this epoch's index
        assertEquals(Evaluator.evaluate(run.model, run.validation, RUN_SEED, 1).sum("loss_first"),
                r.validation().sum("loss_first"), 0);
    }

    @Test
    void eachGroupStepsWithItsOwnOptimizer() {
        Run run = new Run(DataType.DOUBLE, 0, new Sgd(1e-300, 0));
        double[] first = run.values("first");
        double[] second = run.values("second");
        run.epochs(0, 1, 1);
        assertFalse(Arrays.equals(first, run.values("first")), "Adam moved the first group");
        assertArrayEquals(second, run.values("second"), 1e-200, "a learning rate of 1e-300 did not move the second");
        assertEquals(3, run.optimizers.get("first").iteration());
        assertEquals(3, run.optimizers.get("second").iteration());
    }

    @Test
    void aScheduleSetsEachStepsRateAndReportsIt() {
        TwoPhaseModel model = new TwoPhaseModel(MODEL_SEED, D, H, DataType.DOUBLE);
        ModelParameters params = ModelParameters.of(model, DataType.DOUBLE);
        Sgd first = new Sgd(0.1, 0);
        Map<String, Optimizer> optimizers = Map.of("first", first, "second", new Sgd(0.2, 0));
        // halves the rate at every step: 1, 1/2, 1/4 in the three steps of epoch 0
        LearningRateSchedule halving = p -> Math.pow(0.5, p.step());
        Trainer t = new Trainer(model, params, optimizers, Map.of("first", halving), 0, RUN_SEED);
        assertEquals(List.of("lr_first"), t.settings().stream().map(MetricInfo::name).toList());
        EpochResult r = t.epoch(0, 1, new InMemoryBatchSource(uniform(5, 11), 4, 9, true), null,
                new TrainingListener() { });
        assertEquals(3, r.steps());
        assertEquals(0.025, r.train().setting("lr_first"), 1e-17, "the rate of the epoch's last step");
        assertEquals(0.025, first.learningRate(), 1e-17);
        assertFalse(r.train().settingNames().contains("lr_second"), "a group without a schedule reports nothing");
        assertThrows(IllegalArgumentException.class, () -> new Trainer(model, params, optimizers,
                Map.of("third", halving), 0, RUN_SEED));
    }

    @Test
    void gradientClippingBoundsEachGroupsStep() {
        // plain SGD with lr 1: each step moves a group by exactly its clipped gradient
        Run run = new Run(DataType.DOUBLE, 0.01, new Sgd(1.0, 0));
        double[] before = run.values("second");
        Trainer t = new Trainer(run.model, run.params, Map.of("first", new Sgd(1.0, 0), "second", new Sgd(1.0, 0)), 0.01,
                RUN_SEED);
        t.epoch(0, 1, run.train, null, new TrainingListener() { });
        double[] after = run.values("second");
        double moved = 0;
        for (int i = 0; i < before.length; i++) {
            moved += (after[i] - before[i]) * (after[i] - before[i]);
        }
        moved = Math.sqrt(moved);
        assertTrue(moved > 0.005 && moved <= 3 * 0.01, "moved " + moved);
    }

    @Test
    void divergenceStopsTrainingNamingEpochStepPhaseAndFigure() {
        Run run = new Run(DataType.DOUBLE);
        run.model.second().parameters().get(1).value().putScalar(0, Double.NaN);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> run.trainer.epoch(2, 4, run.train, null, new TrainingListener() { }));
        assertTrue(e.getMessage().startsWith("training diverged at epoch 3, step 1 (second phase): loss_second is NaN"),
                e.getMessage());
        assertEquals(1, run.optimizers.get("first").iteration(), "the first phase stepped");
        assertEquals(0, run.optimizers.get("second").iteration(), "no step on a NaN loss");
    }

    @Test
    void aPhaseOfAGroupWithoutOptimizerIsRefused() {
        TwoPhaseModel model = new TwoPhaseModel(1, D, H, DataType.DOUBLE);
        ModelParameters params = ModelParameters.of(model, DataType.DOUBLE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(model, params, Map.of("first", new Sgd(1, 0)), 0, 1));
        assertTrue(e.getMessage().contains("'second'"), e.getMessage());
    }

    @Test
    void evaluateSumsEveryBatch() {
        Run run = new Run(DataType.DOUBLE);
        Metrics whole = Evaluator.evaluate(run.model, run.validation, RUN_SEED, 0);
        assertEquals(5, whole.examples());
        assertTrue(whole.sum("loss_first") > 0 && whole.sum("loss_second") > 0, whole.toString());
        Metrics again = Evaluator.evaluate(run.model, run.validation, RUN_SEED, 0);
        assertEquals(whole.sum("loss_second"), again.sum("loss_second"), 0);
    }
}
