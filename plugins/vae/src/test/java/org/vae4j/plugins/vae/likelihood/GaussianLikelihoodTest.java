package org.vae4j.plugins.vae.likelihood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.plugins.vae.likelihood.LikelihoodAssertions.assertClose;
import static org.vae4j.plugins.vae.likelihood.LikelihoodAssertions.assertGradient;
import static org.vae4j.plugins.vae.likelihood.LikelihoodAssertions.assertValues;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.vae4j.engine.testing.TestContext;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Likelihood;
import org.vae4j.api.Parameter;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.engine.gradcheck.GradientCheck;

class GaussianLikelihoodTest {
    private static final double HALF_LOG_2PI = 0.918938533204672742;

    @Test
    void unitSigmaAtTheMeanIsMinusHalfLogTwoPiPerDimension() {
        GaussianLikelihood lik = GaussianLikelihood.fixed(4, 1.0);
        INDArray mu = Nd4j.getRandomFactory().getNewRandomInstance(173).nextDouble(new long[] {2, 4}).castTo(DataType.DOUBLE);
        assertValues(new double[] {-4 * HALF_LOG_2PI, -4 * HALF_LOG_2PI}, lik.logProb(mu.dup(), mu), 1e-12);
    }

    @Test
    void handWorkedValueWithSigmaTwo() {
        GaussianLikelihood lik = GaussianLikelihood.fixed(3, 2.0);
        INDArray mu = Nd4j.zeros(DataType.DOUBLE, 1, 3);
        INDArray x = Nd4j.createFromArray(new double[][] {{2, -2, 0}});
        // (x-mu)/sigma = 1, -1, 0: -0.5 - 0.5 - 0 - 3 log 2 - 3 * 0.5 log(2 pi)
        assertValues(new double[] {-1 - 3 * Math.log(2) - 3 * HALF_LOG_2PI}, lik.logProb(x, mu), 1e-12);
    }

    @Test
    void learnedSigmaStartsWhereTheFixedOneIs() {
        GaussianLikelihood fixed = GaussianLikelihood.fixed(5, 0.5);
        GaussianLikelihood learned = GaussianLikelihood.learned(5, Math.log(0.5), DataType.DOUBLE);
        INDArray mu = Nd4j.getRandomFactory().getNewRandomInstance(835).nextDouble(new long[] {3, 5}).castTo(DataType.DOUBLE);
        INDArray x = Nd4j.getRandomFactory().getNewRandomInstance(835).nextDouble(new long[] {3, 5}).castTo(DataType.DOUBLE);
        assertClose(fixed.logProb(x, mu), learned.logProb(x, mu), 1e-12);
        INDArray g1 = mu.ulike();
        INDArray g2 = mu.ulike();
        fixed.logProbAndGradient(x, mu, 1.0, g1);
        learned.logProbAndGradient(x, mu, 1.0, g2);
        assertClose(g1, g2, 1e-12);
    }

    @Test
    void fixedSigmaGradientMatchesFiniteDifferences() {
        GaussianLikelihood lik = GaussianLikelihood.fixed(5, 0.7);
        INDArray mu = Nd4j.getRandomFactory().getNewRandomInstance(835).nextDouble(new long[] {3, 5}).castTo(DataType.DOUBLE);
        INDArray x = Nd4j.getRandomFactory().getNewRandomInstance(835).nextDouble(new long[] {3, 5}).castTo(DataType.DOUBLE);
        INDArray grad = mu.ulike();
        INDArray lp = lik.logProbAndGradient(x, mu, 1.0, grad).dup();
        assertClose(lik.logProb(x, mu), lp, 1e-12);
        assertGradient(GradientCheck.compare(() -> lik.logProb(x, mu).sumNumber().doubleValue(), mu, grad,
                GradientCheck.DEFAULT_EPS), "means");
    }

    @Test
    void learnedSigmaGradientsMatchFiniteDifferences() {
        GaussianLikelihood lik = GaussianLikelihood.learned(5, 0.0, DataType.DOUBLE);
        Parameter logSigma = lik.parameters().get(0);
        logSigma.value().assign(Nd4j.createFromArray(new double[][] {{-1, -0.3, 0, 0.4, 1.1}}));
        INDArray mu = Nd4j.getRandomFactory().getNewRandomInstance(835).nextDouble(new long[] {3, 5}).castTo(DataType.DOUBLE);
        INDArray x = Nd4j.getRandomFactory().getNewRandomInstance(835).nextDouble(new long[] {3, 5}).castTo(DataType.DOUBLE).muli(2);
        INDArray grad = mu.ulike();
        INDArray lp = lik.logProbAndGradient(x, mu, 1.0, grad).dup();
        INDArray sigmaGrad = logSigma.gradient().dup();
        assertClose(lik.logProb(x, mu), lp, 1e-12);
        assertGradient(GradientCheck.compare(() -> lik.logProb(x, mu).sumNumber().doubleValue(), mu, grad,
                GradientCheck.DEFAULT_EPS), "means");
        assertGradient(GradientCheck.compare(() -> lik.logProb(x, mu).sumNumber().doubleValue(),
                logSigma.value(), sigmaGrad, GradientCheck.DEFAULT_EPS), "logSigma");
    }

    @Test
    void scaleMultipliesBothGradientsAndTheSigmaGradientAddsUp() {
        GaussianLikelihood lik = GaussianLikelihood.learned(5, 0.3, DataType.DOUBLE);
        Parameter logSigma = lik.parameters().get(0);
        INDArray mu = Nd4j.getRandomFactory().getNewRandomInstance(835).nextDouble(new long[] {3, 5}).castTo(DataType.DOUBLE);
        INDArray x = Nd4j.getRandomFactory().getNewRandomInstance(835).nextDouble(new long[] {3, 5}).castTo(DataType.DOUBLE);
        INDArray unscaled = mu.ulike();
        logSigma.gradient().assign(0);
        lik.logProbAndGradient(x, mu, 1.0, unscaled);
        INDArray sigmaUnscaled = logSigma.gradient().dup();
        INDArray scaled = mu.ulike();
        logSigma.gradient().assign(0);
        lik.logProbAndGradient(x, mu, -0.5, scaled);
        assertClose(unscaled.mul(-0.5), scaled, 1e-12);
        assertClose(sigmaUnscaled.mul(-0.5), logSigma.gradient(), 1e-12);
        // a second call overwrites the data gradient and adds to the parameter's, as a backward pass does
        lik.logProbAndGradient(x, mu, -0.5, scaled);
        assertClose(unscaled.mul(-0.5), scaled, 1e-12);
        assertClose(sigmaUnscaled.mul(-1.0), logSigma.gradient(), 1e-12);
    }

    @Test
    void worksInFloatWithoutChangingType() {
        GaussianLikelihood lik = GaussianLikelihood.learned(5, 0.0, DataType.FLOAT);
        INDArray mu = Nd4j.getRandomFactory().getNewRandomInstance(428).nextDouble(new long[] {4, 5}).castTo(DataType.FLOAT);
        INDArray grad = mu.ulike();
        INDArray lp = lik.logProbAndGradient(mu.dup(), mu, 1.0, grad);
        assertEquals(DataType.FLOAT, lp.dataType());
        assertValues(new double[] {-5 * HALF_LOG_2PI, -5 * HALF_LOG_2PI, -5 * HALF_LOG_2PI, -5 * HALF_LOG_2PI},
                lp, 1e-5);
        // at the mean every z is 0, so d/dlogSigma = scale * sum_n (0 - 1) = -N
        assertClose(Nd4j.valueArrayOf(new long[] {1, 5}, -4.0, DataType.FLOAT), lik.parameters().get(0).gradient(),
                1e-6);
    }

    @Test
    void samplesHaveTheMeanAndSigma() {
        int n = 4000;
        INDArray mu = Nd4j.valueArrayOf(new long[] {n, 5}, 0.3, DataType.DOUBLE);
        GaussianLikelihood fixed = GaussianLikelihood.fixed(5, 0.5);
        INDArray s = fixed.sample(mu, Nd4j.getRandomFactory().getNewRandomInstance(7));
        assertEquals(0.3, s.meanNumber().doubleValue(), 4 * 0.5 / Math.sqrt(5.0 * n));
        assertEquals(0.5, s.stdNumber().doubleValue(), 0.02);
        assertEquals(s, fixed.sample(mu, Nd4j.getRandomFactory().getNewRandomInstance(7)));

        GaussianLikelihood learned = GaussianLikelihood.learned(5, 0.0, DataType.DOUBLE);
        learned.parameters().get(0).value().assign(
                Nd4j.createFromArray(new double[][] {{Math.log(0.1), Math.log(0.5), 0, Math.log(2), Math.log(3)}}));
        INDArray std = learned.sample(mu, Nd4j.getRandomFactory().getNewRandomInstance(8)).std(0);
        assertArrayEquals(new double[] {0.1, 0.5, 1, 2, 3}, std.toDoubleVector(), 0.05 * 3);
        double[] relative = std.div(Nd4j.createFromArray(0.1, 0.5, 1, 2, 3)).toDoubleVector();
        for (double r : relative) {
            assertEquals(1.0, r, 0.05);
        }
    }

    @Test
    void meanIsMuAndIntensitiesAreClamped() {
        GaussianLikelihood lik = GaussianLikelihood.fixed(3, 1.0);
        INDArray mu = Nd4j.createFromArray(new double[][] {{-0.5, 0.25, 1.5}});
        assertClose(mu, lik.mean(mu), 0);
        assertClose(Nd4j.createFromArray(new double[][] {{0, 0.25, 1}}), lik.toIntensities(mu), 0);
        assertEquals(-0.5, mu.getDouble(0, 0), "input untouched");
    }

    @Test
    void providerMakesFixedOrLearnedSigma() throws Exception {
        GaussianLikelihoodProvider provider = new GaussianLikelihoodProvider();
        assertEquals("gaussian", provider.type());
        ObjectMapper json = new ObjectMapper();
        TestContext context = TestContext.of(new long[] {3, 4, 2}).latent(8).type(DataType.DOUBLE).shapes(new long[0], new long[] {8});

        GaussianConfig defaults = json.readValue("{}", GaussianConfig.class);
        assertEquals(1.0, defaults.sigma);
        assertFalse(defaults.learnSigma);
        assertEquals(0.0, defaults.initialLogSigma);
        Likelihood fixed = provider.create(defaults, context);
        assertEquals(1, fixed.parametersPerDimension());
        assertTrue(fixed.parameters().isEmpty());

        Likelihood learned = provider.create(
                json.readValue("{\"learnSigma\": true, \"initialLogSigma\": -1.5}", GaussianConfig.class), context);
        assertEquals(1, learned.parameters().size());
        Parameter p = learned.parameters().get(0);
        assertEquals("logSigma", p.name());
        assertArrayEquals(new long[] {1, 24}, p.value().shape());
        assertEquals(DataType.DOUBLE, p.value().dataType());
        assertEquals(-1.5, p.value().minNumber().doubleValue());
        assertEquals(-1.5, p.value().maxNumber().doubleValue());
        assertSame(p, learned.parameters().get(0));

        assertThrows(UnrecognizedPropertyException.class,
                () -> json.readValue("{\"sigmaa\": 1}", GaussianConfig.class));
    }

    @Test
    void validationNamesTheField() {
        GaussianLikelihoodProvider provider = new GaussianLikelihoodProvider();
        TestContext context = TestContext.of(4).latent(2).type(DataType.FLOAT).shapes(new long[0], new long[] {2});
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            GaussianConfig config = new GaussianConfig();
            config.sigma = bad;
            ConfigException e = assertThrows(ConfigException.class, () -> provider.create(config, context));
            assertEquals("sigma", e.field());
            assertTrue(e.getMessage().contains("> 0") && e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
        GaussianConfig config = new GaussianConfig();
        config.learnSigma = true;
        config.initialLogSigma = Double.NaN;
        assertEquals("initialLogSigma",
                assertThrows(ConfigException.class, () -> provider.create(config, context)).field());
    }
}
