package org.vae4j.plugins.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.BetaSchedule;
import org.vae4j.api.Encoder;
import org.vae4j.api.data.Batch;
import org.vae4j.api.data.BatchSource;
import org.vae4j.api.model.Metrics;
import org.vae4j.api.optim.Optimizer;
import org.vae4j.engine.checkpoint.Checkpoint;
import org.vae4j.engine.optim.Adam;
import org.vae4j.engine.params.ModelParameters;
import org.vae4j.engine.train.EpochResult;
import org.vae4j.engine.train.Trainer;
import org.vae4j.engine.train.TrainingListener;
import org.vae4j.plugins.vae.likelihood.BernoulliLikelihood;
import org.vae4j.plugins.vae.likelihood.GaussianLikelihood;
import org.vae4j.plugins.vae.model.TestModels;
import org.vae4j.plugins.vae.objective.ElboObjective;
import org.vae4j.plugins.vae.prior.StandardNormalPrior;

/**
 * A VAE in the engine's loop: its one phase trains with the beta of the step, reports the loss it
 * minimizes with beta, and a run resumed from a checkpoint repeats the uninterrupted one bit for
 * bit, beta warm-up and learned sigma included.
 */
class VaeTrainingTest {
    private static final int D = 6;
    private static final long RUN_SEED = 77;
    /** A warm-up that changes every step, so a wrong step count after a resume shows. */
    private static final BetaSchedule WARMUP = p -> Math.min(1.0, (p.step() + 1) / 8.0);

    private static final class Run {
        final VaeModel model;
        final ModelParameters params;
        final Map<String, Optimizer> optimizers;
        final Trainer trainer;
        final BatchSource train;
        final BatchSource validation;

        Run(DataType type) {
            VaeModel base = TestModels.mlpVae(21, D, 5, 3, GaussianLikelihood.learned(D, -0.5, type),
                    new StandardNormalPrior(3, type), true, type);
            model = new VaeModel(base.encoder(), base.decoder(), base.prior(), base.likelihood(),
                    new ElboObjective(WARMUP), base.data(), type);
            params = ModelParameters.of(model, type);
            optimizers = Map.of(VaeModel.GROUP, new Adam(0.02, 0.9, 0.999, 1e-8));
            trainer = new Trainer(model, params, optimizers, 1.0, RUN_SEED);
            train = source(5, 11, 4, type);
            validation = source(6, 5, 4, type);
        }

        List<EpochResult> epochs(int from, int to) {
            List<EpochResult> out = new ArrayList<>();
            for (int e = from; e < to; e++) {
                out.add(trainer.epoch(e, 4, train, validation, new TrainingListener() { }));
            }
            return out;
        }

        double[] values() {
            return params.group(VaeModel.GROUP).values().castTo(DataType.DOUBLE).toDoubleVector();
        }
    }

    /** Fixed batches of uniform data: {@code n} examples in batches of {@code b}, the same each epoch. */
    private static BatchSource source(long seed, int n, int b, DataType type) {
        return source(TestModels.uniformData(seed, n, D).castTo(type), b);
    }

    private static BatchSource source(INDArray all, int b) {
        int n = (int) all.size(0);
        return new BatchSource() {
            @Override
            public long batchesPerEpoch() {
                return (n + b - 1) / b;
            }

            @Override
            public long examples() {
                return n;
            }

            @Override
            public java.util.Iterator<Batch> epoch(int epoch) {
                List<Batch> out = new ArrayList<>();
                for (int from = 0; from < n; from += b) {
                    int to = Math.min(n, from + b);
                    INDArray x = all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
                            org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
                    out.add(TestModels.batch(x));
                }
                return out.iterator();
            }
        };
    }

    @Test
    void theStepReportsBetaAndTheLossItMinimizes() {
        Run run = new Run(DataType.DOUBLE);
        EpochResult r = run.epochs(0, 1).get(0);
        // 11 examples in batches of 4: steps 0, 1, 2; the last step's beta is (2 + 1) / 8
        assertEquals(3.0 / 8, r.train().setting("beta"), 0);
        Metrics m = r.train();
        assertTrue(m.sum("loss") < m.sum("reconstruction") + m.sum("kl"), "beta < 1 weighs the KL less: " + m);
        assertTrue(m.sum("loss") > m.sum("reconstruction"), m.toString());
        assertEquals(11, m.count("kl"));
        assertFalse(r.validation().has("loss"), "evaluations report the bound, not the trained loss");
    }

    @Test
    void resumingRepeatsTheUninterruptedRunBitForBit(@TempDir Path dir) throws Exception {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            Path ckpt = dir.resolve(type.name());
            Run straight = new Run(type);
            List<EpochResult> all = straight.epochs(0, 4);
            Run first = new Run(type);
            first.epochs(0, 2);
            Checkpoint.save(ckpt, 2, first.params, first.optimizers, new ObjectMapper().createObjectNode(), 3);
            Run resumed = new Run(type);
            Checkpoint.latest(ckpt).orElseThrow().restore(resumed.params, resumed.optimizers);
            List<EpochResult> rest = resumed.epochs(2, 4);
            for (int i = 0; i < 2; i++) {
                assertEquals(all.get(i + 2).train().toString(), rest.get(i).train().toString());
                assertEquals(all.get(i + 2).validation().sum("reconstruction"),
                        rest.get(i).validation().sum("reconstruction"), 0);
            }
            assertArrayEquals(straight.values(), resumed.values(), 0, type + ": parameters after epoch 4");
        }
    }

    @Test
    void parametersAreNamedByPathWithTheLikelihoodsOwn() {
        VaeModel m = TestModels.mlpVae(3, 4, 5, 2, GaussianLikelihood.learned(4, 0.0, DataType.DOUBLE),
                new StandardNormalPrior(2, DataType.DOUBLE), true);
        ModelParameters params = ModelParameters.of(m, DataType.DOUBLE);
        assertEquals(List.of("encoder.0.weight", "encoder.0.bias", "encoder.2.weight", "encoder.2.bias",
                "decoder.0.weight", "decoder.0.bias", "decoder.2.weight", "decoder.2.bias", "likelihood.logSigma"),
                List.copyOf(params.parameters().keySet()));
        // 4*5+5 + 5*4+4 | 2*5+5 + 5*4+4 | 4
        assertEquals(25 + 24 + 15 + 24 + 4, params.count());
        assertEquals(List.of("encoder", "decoder"), List.copyOf(m.networks().keySet()));
        assertTrue(m.networks().get("encoder") instanceof Encoder);
        assertEquals(2, m.latentDim());
    }

    @Test
    void aBernoulliVaeTrainsDownhill() {
        VaeModel m = TestModels.mlpVae(5, D, 8, 2, new BernoulliLikelihood(D), new StandardNormalPrior(2, DataType.FLOAT),
                true, DataType.FLOAT);
        ModelParameters params = ModelParameters.of(m, DataType.FLOAT);
        Trainer t = new Trainer(m, params, Map.of(VaeModel.GROUP, new Adam(0.01, 0.9, 0.999, 1e-8)), 0, 1);
        // two binary patterns: the decoder can learn to reproduce them
        double[][] rows = new double[64][];
        for (int i = 0; i < 64; i++) {
            rows[i] = i % 2 == 0 ? new double[] {1, 1, 1, 0, 0, 0} : new double[] {0, 0, 0, 1, 1, 1};
        }
        BatchSource data = source(org.nd4j.linalg.factory.Nd4j.create(rows).castTo(DataType.FLOAT), 16);
        double first = t.epoch(0, 30, data, data, new TrainingListener() { }).validation().mean("reconstruction");
        double last = first;
        for (int e = 1; e < 30; e++) {
            last = t.epoch(e, 30, data, data, new TrainingListener() { }).validation().mean("reconstruction");
        }
        assertTrue(last < first / 2, "reconstruction loss " + first + " -> " + last);
    }
}
