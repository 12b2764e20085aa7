package org.vae4j.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.BetaSchedule;
import org.vae4j.api.TrainingProgress;
import org.vae4j.engine.checkpoint.Checkpoint;
import org.vae4j.engine.likelihood.BernoulliLikelihood;
import org.vae4j.engine.model.BatchLoss;
import org.vae4j.engine.model.TestModels;
import org.vae4j.engine.model.VariationalAutoencoder;
import org.vae4j.engine.optim.Adam;
import org.vae4j.engine.optim.Optimizer;
import org.vae4j.engine.optim.Sgd;
import org.vae4j.engine.params.ParameterStore;
import org.vae4j.engine.prior.StandardNormalPrior;

/**
 * The training loop, and the property the run directory relies on: training epochs k..n after
 * restoring the checkpoint of epoch k-1 into a freshly built model gives the same numbers, bit for
 * bit, as training straight through.
 */
class TrainerTest {
    private static final int D = 6;
    private static final int HIDDEN = 5;
    private static final int L = 3;
    private static final long MODEL_SEED = 21;
    private static final long RUN_SEED = 77;
    /** A warm-up that changes every step, so a wrong step count after a resume shows. */
    private static final BetaSchedule WARMUP = p -> Math.min(1.0, (p.step() + 1) / 8.0);

    /** One training run: model, parameters, optimizer and trainer, all from fixed seeds. */
    private static final class Run {
        final VariationalAutoencoder model;
        final ParameterStore params;
        final Optimizer optimizer;
        final Trainer trainer;
        final InMemoryBatchSource train;
        final InMemoryBatchSource validation;

        Run(DataType type) {
            model = TestModels.mlpVae(MODEL_SEED, D, HIDDEN, L, new BernoulliLikelihood(D),
                    new StandardNormalPrior(L, type), true, type);
            params = model.parameters();
            optimizer = new Adam(0.02, 0.9, 0.999, 1e-8);
            trainer = new Trainer(model, params, optimizer, WARMUP, 1.0, RUN_SEED);
            // 11 examples in batches of 4: 4, 4 and a short 3
            train = new InMemoryBatchSource(TestModels.uniformData(5, 11, D).castTo(type), 4, 9, true);
            validation = new InMemoryBatchSource(TestModels.uniformData(6, 5, D).castTo(type), 4, 0, false);
        }

        List<EpochResult> epochs(int from, int to, int of) {
            List<EpochResult> out = new ArrayList<>();
            for (int e = from; e < to; e++) {
                out.add(trainer.epoch(e, of, train, validation, new TrainingListener() { }));
            }
            return out;
        }

        double[] values() {
            return params.values().castTo(DataType.DOUBLE).toDoubleVector();
        }
    }

    private static void assertSameResults(List<EpochResult> expected, List<EpochResult> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            EpochResult e = expected.get(i);
            EpochResult a = actual.get(i);
            assertEquals(e.epoch(), a.epoch());
            assertEquals(e.beta(), a.beta(), 0);
            assertEquals(e.train(), a.train(), "training sums of epoch " + e.epoch());
            assertEquals(e.validation(), a.validation(), "validation sums of epoch " + e.epoch());
            assertEquals(e.steps(), a.steps());
        }
    }

    @Test
    void inMemorySourceOrderDependsOnlyOnTheEpoch() {
        InMemoryBatchSource s = new InMemoryBatchSource(TestModels.uniformData(5, 11, D), 4, 9, true);
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
            double[] initial = straight.values();
            List<EpochResult> all = straight.epochs(0, 4, 4);

            Run first = new Run(type);
            List<EpochResult> firstHalf = first.epochs(0, 2, 4);
            assertSameResults(all.subList(0, 2), firstHalf);
            ObjectNode meta = new ObjectMapper().createObjectNode().put("seed", RUN_SEED);
            Checkpoint.save(ckpt, 2, first.params, first.optimizer, meta, 3);

            Run resumed = new Run(type);
            assertArrayEquals(initial, resumed.values(), 0, "a fresh model starts from the seeds");
            Checkpoint.Loaded loaded = Checkpoint.latest(ckpt).orElseThrow();
            assertEquals(2, loaded.epochsDone());
            loaded.restore(resumed.params, resumed.optimizer);
            assertArrayEquals(first.values(), resumed.values(), 0);
            assertEquals(6, resumed.optimizer.iteration());
            List<EpochResult> secondHalf = resumed.epochs(loaded.epochsDone(), 4, 4);

            assertSameResults(all.subList(2, 4), secondHalf);
            assertArrayEquals(straight.values(), resumed.values(), 0, type + ": parameters after epoch 4");
            assertEquals(straight.optimizer.iteration(), resumed.optimizer.iteration());
            INDArray m1 = straight.optimizer.state().get("m");
            INDArray m2 = resumed.optimizer.state().get("m");
            assertArrayEquals(m1.castTo(DataType.DOUBLE).toDoubleVector(), m2.castTo(DataType.DOUBLE).toDoubleVector(), 0);

            // it trained: parameters moved and the loss went down
            assertFalse(Arrays.equals(initial, straight.values()));
            assertTrue(all.get(3).validation().meanNegativeElbo() < all.get(0).validation().meanNegativeElbo(),
                    all.get(0).validation() + " -> " + all.get(3).validation());

            // negative control: the parameters alone, without the optimizer state, do not resume
            Run paramsOnly = new Run(type);
            paramsOnly.params.load(loaded.parameters());
            paramsOnly.epochs(2, 4, 4);
            assertFalse(Arrays.equals(straight.values(), paramsOnly.values()), "optimizer state matters");
        }
    }

    @Test
    void identicalRunsGiveIdenticalNumbers() {
        Run a = new Run(DataType.FLOAT);
        Run b = new Run(DataType.FLOAT);
        List<EpochResult> ra = a.epochs(0, 3, 3);
        List<EpochResult> rb = b.epochs(0, 3, 3);
        assertSameResults(ra, rb);
        assertArrayEquals(a.values(), b.values(), 0);
        assertEquals(a.trainer.evaluate(a.validation, 7), b.trainer.evaluate(b.validation, 7));
    }

    @Test
    void epochFiguresStepsAndSchedule() {
        Run run = new Run(DataType.DOUBLE);
        List<TrainingProgress> seen = new ArrayList<>();
        List<double[]> steps = new ArrayList<>();
        Trainer t = new Trainer(run.model, run.params, run.optimizer, p -> {
            seen.add(p);
            return 0.5;
        }, 0, RUN_SEED);
        EpochResult r = t.epoch(1, 4, run.train, run.validation, new TrainingListener() {
            @Override
            public void onStep(int epoch, long stepInEpoch, long stepsPerEpoch, double meanLoss) {
                steps.add(new double[] {epoch, stepInEpoch, stepsPerEpoch, meanLoss});
            }
        });
        assertEquals(List.of(new TrainingProgress(1, 4, 3, 3), new TrainingProgress(1, 4, 4, 3),
                new TrainingProgress(1, 4, 5, 3)), seen);
        assertEquals(1, r.epoch());
        assertEquals(0.5, r.beta());
        assertEquals(3, r.steps());
        assertEquals(11, r.train().examples());
        assertEquals(5, r.validation().examples());
        assertEquals(3, steps.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(new double[] {1, i + 1, 3}, Arrays.copyOf(steps.get(i), 3));
        }
        // the last running mean is the whole epoch's objective (reconstruction + 0.5 KL) per example
        assertEquals((r.train().reconstruction() + 0.5 * r.train().kl()) / 11, steps.get(2)[3], 1e-12);
        // validation is evaluate() with the noise of this epoch's index
        assertEquals(t.evaluate(run.validation, 1), r.validation());
        assertFalse(t.evaluate(run.validation, 1).equals(t.evaluate(run.validation, 2)), "noise depends on the index");
        assertNotNull(r.toString());
    }

    @Test
    void gradientClippingBoundsEachStep() {
        Run run = new Run(DataType.DOUBLE);
        double[] before = run.values();
        // plain SGD with lr 1: each step moves the parameters by exactly the clipped gradient
        Trainer t = new Trainer(run.model, run.params, new Sgd(1.0, 0), p -> 1.0, 0.01, RUN_SEED);
        t.epoch(0, 1, run.train, null, new TrainingListener() { });
        double[] after = run.values();
        double moved = 0;
        for (int i = 0; i < before.length; i++) {
            moved += (after[i] - before[i]) * (after[i] - before[i]);
        }
        moved = Math.sqrt(moved);
        assertTrue(moved > 0.005 && moved <= 3 * 0.01, "moved " + moved);
    }

    @Test
    void divergenceStopsTrainingNamingEpochAndStep() {
        Run run = new Run(DataType.DOUBLE);
        run.params.byName().get("decoder.2.bias").value().putScalar(0, Double.NaN);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> run.trainer.epoch(2, 4, run.train, null, new TrainingListener() { }));
        assertTrue(e.getMessage().startsWith("training diverged at epoch 3, step 1: reconstruction NaN"), e.getMessage());
        assertEquals(0, run.optimizer.iteration(), "no step on a NaN loss");
    }

    @Test
    void evaluateSumsEveryBatch() {
        Run run = new Run(DataType.DOUBLE);
        BatchLoss whole = run.trainer.evaluate(run.validation, 0);
        assertEquals(5, whole.examples());
        assertEquals(whole, run.trainer.evaluate(run.validation, 0));
        assertTrue(whole.reconstruction() > 0 && whole.kl() > 0, whole.toString());
    }
}
