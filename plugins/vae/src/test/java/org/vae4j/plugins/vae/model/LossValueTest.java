package org.vae4j.plugins.vae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import java.util.Map;
import org.vae4j.api.Prior;
import org.vae4j.api.model.MetricInfo;
import org.vae4j.api.model.Metrics;
import org.vae4j.plugins.vae.Units;
import org.vae4j.plugins.vae.objective.AutoencoderObjective;
import org.vae4j.plugins.vae.objective.ElboObjective;
import org.vae4j.plugins.vae.objective.VaeObjective;
import org.vae4j.plugins.vae.VaeModel;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Dense;
import org.vae4j.plugins.vae.likelihood.BernoulliLikelihood;
import org.vae4j.engine.params.ParameterStore;
import org.vae4j.plugins.vae.prior.StandardNormalPrior;
import org.vae4j.engine.random.SeededRandom;

/**
 * Loss values worked by hand on models whose encoder output and decoder output are set directly:
 * the encoder is one dense layer with zero weights, so it emits its bias for every input.
 */
class LossValueTest {
    private static final double LN2 = Math.log(2);
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final long SEED = 99;

    /** A dense layer with the given weights (zero if null) and bias. */
    private static Dense dense(long in, long out, double[][] weight, double[] bias) {
        Dense d = new Dense(in, out, Initializer.XAVIER, DataType.DOUBLE, Nd4j.getRandomFactory().getNewRandomInstance(1));
        if (weight == null) {
            d.parameters().get(0).value().assign(0);
        } else {
            d.parameters().get(0).value().assign(Nd4j.createFromArray(weight));
        }
        d.parameters().get(1).value().assign(Nd4j.createFromArray(new double[][] {bias}));
        return d;
    }

    /** A model whose encoder emits {@code encoderOutput} for every input. */
    private static VaeModel model(int d, double[] encoderOutput, int latent, double[][] decoderWeight,
                                                double[] decoderBias, Prior prior, boolean variational) {
        TestModels.TestEncoder enc = new TestModels.TestEncoder(
                List.of(dense(d, encoderOutput.length, null, encoderOutput)));
        TestModels.TestDecoder dec = new TestModels.TestDecoder(
                List.of(dense(latent, d, decoderWeight, decoderBias)));
        VaeObjective objective = variational ? new ElboObjective(p -> 1.0) : new AutoencoderObjective();
        return new VaeModel(enc, dec, prior, new BernoulliLikelihood(d), objective, TestModels.data(d), DataType.DOUBLE);
    }

    private static double[] repeat(double v, int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static TestModels.Sums evaluate(VaeModel m, INDArray x) {
        try (SeededRandom r = new SeededRandom(SEED)) {
            return TestModels.evaluate(m, x, x, r.get());
        }
    }

    private static double softplus(double l) {
        return Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l)));
    }

    @Test
    void posteriorEqualToThePriorHasZeroKlAndZeroLogitsCostLogTwoPerPixel() {
        int d = 5;
        VaeModel m = model(d, repeat(0, 8), 4, null, repeat(0, d),
                new StandardNormalPrior(4, DataType.DOUBLE), true);
        INDArray x = TestModels.uniformData(1, 3, d);
        TestModels.Sums loss = evaluate(m, x);
        assertEquals(0.0, loss.kl(), 1e-15);
        // -(x * 0 - softplus(0)) = log 2 per pixel, whatever x in [0, 1] is
        assertEquals(3 * d * LN2, loss.reconstruction(), 1e-12);
        assertEquals(3, loss.examples());
        assertEquals(d * LN2, loss.meanNegativeElbo(), 1e-13);
    }

    @Test
    void unitMeansInTenDimensionsCostFiveNatsAndGradientsAreTheHandOnes() {
        int d = 5;
        int latent = 10;
        int n = 3;
        double beta = 0.7;
        VaeModel m = model(d, concat(repeat(1, latent), repeat(0, latent)), latent, null, repeat(0, d),
                new StandardNormalPrior(latent, DataType.DOUBLE), true);
        INDArray x = TestModels.uniformData(2, n, d);
        TestModels.Sums loss = evaluate(m, x);
        // KL(N(1, 1) || N(0, 1)) = 0.5 * m^2 = 0.5 per dimension
        assertEquals(3 * 5.0, loss.kl(), 1e-12);
        assertEquals(5.0, loss.meanKl(), 1e-13);
        assertEquals(d * LN2, loss.meanReconstruction(), 1e-13);
        assertEquals(d * LN2 + 5.0, loss.meanNegativeElbo(), 1e-13);
        try (SeededRandom r = new SeededRandom(SEED)) {
            assertArrayEquals(repeat(d * LN2 + 5.0, n), m.negativeElbo(TestModels.batch(x), r.get()).toDoubleVector(), 1e-12);
        }

        ParameterStore store = TestModels.parameters(m);
        TestModels.Sums trained;
        try (SeededRandom r = new SeededRandom(SEED)) {
            trained = TestModels.trainStep(m, x, x, beta, r.get());
        }
        // trainStep reports the unweighted sums
        assertEquals(loss, trained);
        // encoder bias: beta * m for the means (decoder weights are 0, so the reconstruction sends
        // nothing back), beta * 0.5 (exp(0) - 1) = 0 for the log-variances
        assertArrayEquals(concat(repeat(beta, latent), repeat(0, latent)),
                store.byName().get("encoder.0.bias").gradient().toDoubleVector(), 1e-15);
        // encoder weight [i][j]: beta * mean_n x[n][i] for the mean columns, 0 for the others
        double[] xMean = x.mean(0).toDoubleVector();
        INDArray gw = store.byName().get("encoder.0.weight").gradient();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < 2 * latent; j++) {
                assertEquals(j < latent ? beta * xMean[i] : 0.0, gw.getDouble(i, j), 1e-15, "encoder weight " + i + "," + j);
            }
        }
        // decoder bias: mean_n (sigmoid(0) - x) = 0.5 - mean x; weight [j][i]: mean_n z[n][j] (0.5 - x[n][i])
        // with z = 1 + eps, eps the first draw of the noise stream
        double[] db = store.byName().get("decoder.0.bias").gradient().toDoubleVector();
        for (int i = 0; i < d; i++) {
            assertEquals(0.5 - xMean[i], db[i], 1e-15);
        }
        INDArray z = TestModels.noise(SEED, n, latent).addi(1.0);
        INDArray expectedW = z.transpose().mmul(x.rsub(0.5)).divi(n);
        INDArray dw = store.byName().get("decoder.0.weight").gradient();
        assertEquals(0.0, expectedW.sub(dw).amaxNumber().doubleValue(), 1e-14);
    }

    @Test
    void varianceTwoAndMeanHalf() {
        int latent = 2;
        double lv = Math.log(2);
        VaeModel m = model(3, new double[] {0.5, 0.5, lv, lv}, latent, null, repeat(0, 3),
                new StandardNormalPrior(latent, DataType.DOUBLE), true);
        INDArray x = TestModels.uniformData(3, 2, 3);
        // 0.5 (sigma^2 + m^2 - 1 - log sigma^2) = 0.5 (2 + 0.25 - 1 - ln 2) per dimension
        double perDim = 0.5 * (1.25 - LN2);
        assertEquals(2 * latent * perDim, evaluate(m, x).kl(), 1e-14);
        ParameterStore store = TestModels.parameters(m);
        try (SeededRandom r = new SeededRandom(SEED)) {
            assertEquals(2 * latent * perDim, TestModels.trainStep(m, x, x, 0.7, r.get()).kl(), 1e-14);
        }
        // d/dm = beta m = 0.35, d/dlogVar = beta 0.5 (exp(lv) - 1) = 0.35
        assertArrayEquals(new double[] {0.35, 0.35, 0.35, 0.35},
                store.byName().get("encoder.0.bias").gradient().toDoubleVector(), 1e-15);
    }

    @Test
    void monteCarloKlIsLogQMinusLogPAtTheSampledCode() {
        int d = 4;
        int latent = 3;
        double[] mean = {0.5, -1, 0.2};
        double[] logVar = {0.3, -0.4, 0};
        double[][] w = {{0.5, -0.25, 1, 0}, {-1, 0.75, 0.5, 2}, {0.25, 0.5, -0.5, 1}};
        double[] b = {0.1, -0.2, 0.3, 0};
        VaeModel m = model(d, concat(mean, logVar), latent, w, b,
                new TestModels.MonteCarloPrior(latent, DataType.DOUBLE), true);
        INDArray x = Nd4j.createFromArray(new double[][] {{0, 1, 0.25, 1}});

        double[] eps = TestModels.noise(SEED, 1, latent).toDoubleVector();
        double logQ = 0;
        double logP = 0;
        double[] z = new double[latent];
        for (int j = 0; j < latent; j++) {
            z[j] = mean[j] + Math.exp(logVar[j] / 2) * eps[j];
            // log N(z; m, exp(lv)) = -0.5 ((z - m)^2 / exp(lv)) - 0.5 lv - 0.5 log 2 pi
            logQ += -0.5 * Math.pow(z[j] - mean[j], 2) / Math.exp(logVar[j]) - 0.5 * logVar[j] - HALF_LOG_2PI;
            logP += -0.5 * z[j] * z[j] - HALF_LOG_2PI;
        }
        double reconstruction = 0;
        for (int i = 0; i < d; i++) {
            double l = b[i];
            for (int j = 0; j < latent; j++) {
                l += z[j] * w[j][i];
            }
            reconstruction -= x.getDouble(0, i) * l - softplus(l);
        }
        TestModels.Sums loss = evaluate(m, x);
        assertEquals(logQ - logP, loss.kl(), 1e-12);
        assertEquals(reconstruction, loss.reconstruction(), 1e-12);
        TestModels.parameters(m);
        try (SeededRandom r = new SeededRandom(SEED)) {
            TestModels.Sums trained = TestModels.trainStep(m, x, x, 0.7, r.get());
            assertEquals(logQ - logP, trained.kl(), 1e-12);
            assertEquals(reconstruction, trained.reconstruction(), 1e-12);
        }
        try (SeededRandom r = new SeededRandom(SEED)) {
            assertArrayEquals(new double[] {reconstruction + logQ - logP},
                    m.negativeElbo(TestModels.batch(x), r.get()).toDoubleVector(), 1e-12);
        }
    }

    @Test
    void plainAutoencoderLossIsTheReconstructionOfItsCode() {
        int d = 3;
        double[] code = {0.5, -1};
        double[][] w = {{1, -0.5, 0.25}, {0.5, 2, -1}};
        double[] b = {0, 0.1, -0.2};
        VaeModel m = model(d, code, 2, w, b, new StandardNormalPrior(2, DataType.DOUBLE), false);
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 0, 0.5}, {0.2, 0.9, 1}});
        double expected = 0;
        for (int n = 0; n < 2; n++) {
            for (int i = 0; i < d; i++) {
                double l = b[i] + code[0] * w[0][i] + code[1] * w[1][i];
                expected -= x.getDouble(n, i) * l - softplus(l);
            }
        }
        TestModels.Sums loss = evaluate(m, x);
        assertEquals(expected, loss.reconstruction(), 1e-12);
        assertEquals(2, loss.examples());
        assertEquals(0.0, loss.kl());
        assertArrayEquals(code, m.encode(x).getRow(1).toDoubleVector(), 0);
    }

    /**
     * Figures add up as sums over examples, and the reports derive the negative ELBO from the two
     * sums (added at the end, as they always were) and bits per dimension from it.
     */
    @Test
    void figuresAddUpAndDeriveTheNegativeElboAndBitsPerDimension() {
        VaeModel m = model(4, concat(repeat(0, 2), repeat(0, 2)), 2, null, repeat(0, 4),
                new StandardNormalPrior(2, DataType.DOUBLE), true);
        Metrics a = m.figures(10, 4, 0.5, 2);
        Metrics b = m.figures(5, 2, 0.5, 3);
        Metrics sum = new Metrics().add(a).add(b);
        assertEquals(15, sum.sum("reconstruction"), 0);
        assertEquals(6, sum.sum("kl"), 0);
        assertEquals(5, sum.count("kl"));
        assertEquals((10 + 0.5 * 4 + 5 + 0.5 * 2) / 5, sum.mean(Metrics.LOSS), 1e-15);
        Map<String, Double> reported = new java.util.LinkedHashMap<>();
        for (MetricInfo info : m.metrics()) {
            reported.put(info.name(), info.of(sum));
        }
        assertEquals(21.0 / 5, reported.get("neg_elbo"), 1e-15);
        assertEquals(3.0, reported.get("reconstruction"), 1e-15);
        assertEquals(1.2, reported.get("kl"), 1e-15);
        assertEquals(21.0 / 5 / LN2 / 4, reported.get("bpd"), 1e-15);
        assertEquals(List.of("beta", "neg_elbo", "reconstruction", "kl", "bpd", "loss"), List.copyOf(reported.keySet()));
        // a plain autoencoder reports its reconstruction loss alone
        VaeModel ae = model(4, repeat(0, 2), 2, null, repeat(0, 4), new StandardNormalPrior(2, DataType.DOUBLE), false);
        assertEquals(List.of("reconstruction"), ae.metrics().stream().map(MetricInfo::name).toList());
        assertEquals(false, ae.figures(3, 99, 1, 1).has("kl"));
    }

    @Test
    void bitsPerDimension() {
        // 784 ln 2 nats over 784 dimensions is one bit each
        assertEquals(1.0, Units.bitsPerDimension(784 * LN2, 784), 1e-15);
        assertEquals(8.0, Units.bitsPerDimension(8 * 3072 * LN2, 3072), 1e-14);
        // nats = bpd * D / log2(e): 1.436 bpd on MNIST is 780.36 nats, and the peer's 780.3 nats
        // is 1.4359 bpd, which rounds to 1.436
        double nats = 1.436 * 784 / (1 / LN2);
        assertEquals(780.3617, nats, 1e-4);
        assertEquals(1.436, Units.bitsPerDimension(nats, 784), 1e-12);
        assertEquals(1.43589, Units.bitsPerDimension(780.3, 784), 1e-5);
        assertEquals(0.0, Units.bitsPerDimension(0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.bitsPerDimension(1, 0));
        assertEquals("dimensions must be >= 1, got 0", e.getMessage());
    }
}
