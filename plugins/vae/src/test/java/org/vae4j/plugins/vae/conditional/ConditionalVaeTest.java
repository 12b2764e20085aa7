package org.vae4j.plugins.vae.conditional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Parameter;
import org.vae4j.api.data.Batch;
import org.vae4j.api.model.Metrics;
import org.vae4j.engine.gradcheck.GradientCheck;
import org.vae4j.engine.params.ModelParameters;
import org.vae4j.engine.params.ParameterStore;
import org.vae4j.engine.random.SeededRandom;
import org.vae4j.plugins.vae.VaeModel;
import org.vae4j.plugins.vae.likelihood.BernoulliLikelihood;
import org.vae4j.plugins.vae.model.TestModels;
import org.vae4j.plugins.vae.objective.ElboObjective;
import org.vae4j.plugins.vae.prior.StandardNormalPrior;

/**
 * The conditional VAE: encoder and decoder see the class, the ELBO gradient is right with them,
 * each example's figures are its own class's, and a model without classes given says so.
 */
class ConditionalVaeTest {
    private static final int D = 6;
    private static final int L = 2;
    private static final int K = 3;

    private static VaeModel cvae(long seed) {
        Random r = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        var encoder = new ClassConditioned(new TestModels.TestEncoder(TestModels.mlp(D + K, new int[] {5}, 2L * L,
                "tanh", r)), D, K);
        var decoder = new ClassConditioned(new TestModels.TestDecoder(TestModels.mlp(L + K, new int[] {5}, D, "tanh",
                r)), L, K);
        return new VaeModel(encoder, decoder, new StandardNormalPrior(L, DataType.DOUBLE), new BernoulliLikelihood(D),
                new ElboObjective(p -> 1.0), TestModels.data(D), DataType.DOUBLE);
    }

    private static Batch batch(INDArray x, int... labels) {
        int[] idx = new int[labels.length];
        return new Batch(x, x, labels, idx);
    }

    @Test
    void theElboGradientWithClassesMatchesFiniteDifferences() {
        VaeModel m = cvae(1);
        INDArray x = TestModels.uniformData(2, 4, D);
        Batch b = batch(x, 2, 0, 1, 2);
        ParameterStore store = ModelParameters.of(m, DataType.DOUBLE).group(VaeModel.GROUP);
        // the wrapper is transparent: the names of an unconditional model's networks
        assertEquals(List.of("encoder.0.weight", "encoder.0.bias", "encoder.2.weight", "encoder.2.bias",
                "decoder.0.weight", "decoder.0.bias", "decoder.2.weight", "decoder.2.bias"),
                List.copyOf(store.byName().keySet()));
        store.zeroGradients();
        try (SeededRandom r = new SeededRandom(3)) {
            m.trainStep(b, 0.7, r.get());
        }
        DoubleSupplier loss = () -> {
            try (SeededRandom r = new SeededRandom(3)) {
                Metrics e = m.evaluate(b, r.get());
                return (e.sum("reconstruction") + 0.7 * e.sum("kl")) / 4;
            }
        };
        Map<String, INDArray> analytic = new LinkedHashMap<>();
        store.byName().forEach((k, p) -> analytic.put(k, p.gradient().dup()));
        StringBuilder failures = new StringBuilder();
        for (Map.Entry<String, Parameter> e : store.byName().entrySet()) {
            GradientCheck.Result res = GradientCheck.compare(loss, e.getValue().value(), analytic.get(e.getKey()), 1e-5);
            if (!(res.relativeError() <= 1e-6)) {
                failures.append("\n  ").append(e.getKey()).append(": ").append(res);
            }
        }
        assertTrue(failures.length() == 0, "conditional ELBO gradient check failed:" + failures);
        // the one-hot inputs of the classes got their weights' gradient (rows D.. of the first layers)
        INDArray classRows = analytic.get("encoder.0.weight").get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(D, D + K), org.nd4j.linalg.indexing.NDArrayIndex.all());
        assertTrue(classRows.amaxNumber().doubleValue() > 0);
    }

    @Test
    void theClassChangesWhatACodeDecodesTo() {
        VaeModel m = cvae(4);
        assertEquals(K, m.classes());
        INDArray z = Nd4j.createFromArray(new double[][] {{0.3, -0.2}, {0.3, -0.2}});
        INDArray pics = m.decode(z, new int[] {0, 1});
        assertTrue(pics.getRow(0).sub(pics.getRow(1)).amaxNumber().doubleValue() > 1e-4);
        // without classes given, code i is decoded for class i mod K
        INDArray cycled = m.decode(Nd4j.createFromArray(new double[][] {{0.1, 0.1}, {0.1, 0.1}, {0.1, 0.1},
                {0.1, 0.1}}));
        assertEquals(m.decode(Nd4j.createFromArray(new double[][] {{0.1, 0.1}}), new int[] {1}).getRow(0),
                cycled.getRow(1));
        assertEquals(cycled.getRow(0), cycled.getRow(3));
    }

    /** Importance sampling repeats each example's rows K times: each must keep its own class. */
    @Test
    void eachExamplesEstimateIsThatOfItsOwnClass() {
        VaeModel m = cvae(5);
        INDArray x = TestModels.uniformData(6, 3, D).gt(0.5).castTo(DataType.DOUBLE);
        int[] labels = {2, 0, 1};
        double[] together = m.importanceWeightedNll(batch(x, labels), 7, new SeededRandom(8).get()).toDoubleVector();
        for (int i = 0; i < 3; i++) {
            INDArray row = x.getRow(i, true);
            double alone = m.importanceWeightedNll(batch(row, labels[i]), 7, new SeededRandom(9).get()).getDouble(0);
            double wrongClass = m.importanceWeightedNll(batch(row, (labels[i] + 1) % K), 7, new SeededRandom(9).get())
                    .getDouble(0);
            // different draws, the same quantity: within the estimator's spread, far from another class's
            assertEquals(alone, together[i], 0.5, "example " + i);
            assertTrue(Math.abs(alone - wrongClass) > 1e-3, "the class matters for example " + i);
        }
    }

    @Test
    void aConditionalModelAsksForClassesAndChecksThem() {
        VaeModel m = cvae(10);
        INDArray x = TestModels.uniformData(11, 2, D);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> m.encode(x));
        assertEquals("a conditional VAE encodes an image with its class; give the classes (encode(input, classes))",
                e.getMessage());
        assertEquals(List.of(2L, (long) L), List.of(m.encode(x, new int[] {0, 2}).shape()[0],
                m.encode(x, new int[] {0, 2}).shape()[1]));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> m.evaluate(batch(x, 0, 3), new SeededRandom(1).get()));
        assertEquals("example 1 has class 3; the model knows 3 classes, 0 to 2", bad.getMessage());
    }
}
