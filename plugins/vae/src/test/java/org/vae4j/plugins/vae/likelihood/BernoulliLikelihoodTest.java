package org.vae4j.plugins.vae.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.plugins.vae.likelihood.LikelihoodAssertions.assertClose;
import static org.vae4j.plugins.vae.likelihood.LikelihoodAssertions.assertGradient;
import static org.vae4j.plugins.vae.likelihood.LikelihoodAssertions.assertValues;
import static org.vae4j.plugins.vae.likelihood.LikelihoodAssertions.frequencyTolerance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.vae4j.engine.testing.TestContext;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vae4j.api.Likelihood;
import org.vae4j.engine.gradcheck.GradientCheck;

class BernoulliLikelihoodTest {
    private static final double LOG2 = Math.log(2);

    @Test
    void zeroLogitsGiveMinusLogTwoPerDimension() {
        BernoulliLikelihood lik = new BernoulliLikelihood(5);
        INDArray x = Nd4j.createFromArray(new double[][] {{0, 1, 0, 1, 1}, {1, 1, 1, 1, 1}});
        assertValues(new double[] {-5 * LOG2, -5 * LOG2}, lik.logProb(x, Nd4j.zeros(DataType.DOUBLE, 2, 5)), 1e-12);
    }

    @Test
    void handWorkedValues() {
        BernoulliLikelihood lik = new BernoulliLikelihood(1);
        INDArray l = Nd4j.createFromArray(new double[][] {{2}, {2}, {2}, {-3}});
        INDArray x = Nd4j.createFromArray(new double[][] {{1}, {0}, {0.25}, {1}});
        // x=1: -softplus(-2); x=0: -softplus(2); x=0.25: 0.25*2 - softplus(2); x=1, l=-3: -softplus(3)
        double sp2 = Math.log1p(Math.exp(2));
        double spm2 = Math.log1p(Math.exp(-2));
        assertEquals(-0.126928, -spm2, 1e-6);
        assertValues(new double[] {-spm2, -sp2, 0.5 - sp2, -Math.log1p(Math.exp(3))}, lik.logProb(x, l), 1e-12);
    }

    @Test
    void fractionalTargetsAreNegatedBinaryCrossEntropy() {
        BernoulliLikelihood lik = new BernoulliLikelihood(4);
        INDArray l = Nd4j.createFromArray(new double[][] {{-1.5, 0.2, 3, -0.7}});
        INDArray x = Nd4j.createFromArray(new double[][] {{0.1, 0.5, 0.9, 0.0}});
        double expected = 0;
        for (int d = 0; d < 4; d++) {
            double p = 1 / (1 + Math.exp(-l.getDouble(0, d)));
            double xd = x.getDouble(0, d);
            expected += xd * Math.log(p) + (1 - xd) * Math.log(1 - p);
        }
        assertValues(new double[] {expected}, lik.logProb(x, l), 1e-12);
    }

    @Test
    void extremeLogitsStayFiniteInFloat() {
        BernoulliLikelihood lik = new BernoulliLikelihood(4);
        INDArray l = Nd4j.createFromArray(new float[][] {{1000, -1000, 100, -100}});
        INDArray agree = Nd4j.createFromArray(new float[][] {{1, 0, 1, 0}});
        INDArray disagree = Nd4j.createFromArray(new float[][] {{0, 1, 0, 1}});
        INDArray lp = lik.logProb(agree, l);
        assertEquals(DataType.FLOAT, lp.dataType());
        assertValues(new double[] {0}, lp, 1e-6);
        INDArray grad = l.ulike();
        assertValues(new double[] {-2200}, lik.logProbAndGradient(disagree, l, 1.0, grad), 1e-2);
        assertClose(Nd4j.createFromArray(new float[][] {{-1, 1, -1, 1}}), grad, 1e-6);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        BernoulliLikelihood lik = new BernoulliLikelihood(5);
        INDArray l = Nd4j.getRandomFactory().getNewRandomInstance(718).nextDouble(new long[] {3, 5}).castTo(DataType.DOUBLE).subi(0.5).muli(6);
        INDArray x = Nd4j.createFromArray(new double[][] {{0, 1, 1, 0, 1}, {1, 0, 0, 0, 1}, {0.2, 0.7, 1, 0, 0.5}});
        INDArray grad = l.ulike();
        INDArray lp = lik.logProbAndGradient(x, l, 1.0, grad).dup();
        assertClose(lik.logProb(x, l), lp, 1e-12);
        assertGradient(GradientCheck.compare(() -> lik.logProb(x, l).sumNumber().doubleValue(), l, grad,
                GradientCheck.DEFAULT_EPS), "logits");
    }

    @Test
    void scaleMultipliesTheGradientAndViewsAreWritten() {
        BernoulliLikelihood lik = new BernoulliLikelihood(5);
        INDArray l = Nd4j.getRandomFactory().getNewRandomInstance(718).nextDouble(new long[] {3, 5}).castTo(DataType.DOUBLE).subi(0.5);
        INDArray x = Nd4j.getRandomFactory().getNewRandomInstance(718).nextDouble(new long[] {3, 5}).castTo(DataType.DOUBLE);
        INDArray unscaled = l.ulike();
        lik.logProbAndGradient(x, l, 1.0, unscaled);
        INDArray wide = Nd4j.valueArrayOf(new long[] {3, 8}, 7.0, DataType.DOUBLE);
        INDArray view = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 7));
        lik.logProbAndGradient(x, l, -1.0 / 3, view);
        assertClose(unscaled.mul(-1.0 / 3), view, 1e-12);
        assertEquals(7.0, wide.getDouble(0, 0));
        assertEquals(7.0, wide.getDouble(2, 7));
    }

    @Test
    void samplingFrequenciesFollowTheSigmoid() {
        BernoulliLikelihood lik = new BernoulliLikelihood(3);
        int n = 4000;
        INDArray row = Nd4j.createFromArray(new float[][] {{-1, 0, 2}});
        INDArray l = Nd4j.zeros(DataType.FLOAT, n, 3).addiRowVector(row);
        INDArray s = lik.sample(l, Nd4j.getRandomFactory().getNewRandomInstance(42));
        assertEquals(DataType.FLOAT, s.dataType());
        assertEquals(0, s.mul(s.rsub(1)).sumNumber().doubleValue(), "draws are 0 or 1");
        INDArray freq = s.mean(0);
        for (int d = 0; d < 3; d++) {
            double p = 1 / (1 + Math.exp(-row.getDouble(0, d)));
            assertEquals(p, freq.getDouble(d), frequencyTolerance(p, n), "dimension " + d);
        }
        INDArray again = lik.sample(l, Nd4j.getRandomFactory().getNewRandomInstance(42));
        assertEquals(s, again);
    }

    @Test
    void meanAndIntensitiesAreTheSigmoid() {
        BernoulliLikelihood lik = new BernoulliLikelihood(2);
        INDArray l = Nd4j.createFromArray(new double[][] {{0, Math.log(3)}});
        INDArray expected = Nd4j.createFromArray(new double[][] {{0.5, 0.75}});
        assertClose(expected, lik.mean(l), 1e-12);
        assertClose(expected, lik.toIntensities(l), 1e-12);
    }

    @Test
    void rejectsMisshapedArrays() {
        BernoulliLikelihood lik = new BernoulliLikelihood(5);
        assertThrows(IllegalArgumentException.class,
                () -> lik.logProb(Nd4j.zeros(2, 5), Nd4j.zeros(2, 6)));
        assertThrows(IllegalArgumentException.class,
                () -> lik.logProb(Nd4j.zeros(3, 5), Nd4j.zeros(2, 5)));
    }

    @Test
    void providerBuildsFromContextAndBindsEmptyConfig() throws Exception {
        BernoulliLikelihoodProvider provider = new BernoulliLikelihoodProvider();
        assertEquals("bernoulli", provider.type());
        assertEquals(Likelihood.class, provider.kind());
        ObjectMapper json = new ObjectMapper();
        BernoulliConfig config = json.readValue("{}", provider.configClass());
        Likelihood lik = provider.create(config,
                TestContext.of(new long[] {1, 28, 28}).latent(20).type(DataType.FLOAT).shapes(new long[0], new long[] {20}));
        assertEquals(1, lik.parametersPerDimension());
        assertEquals(784, ((BernoulliLikelihood) lik).dimensions());
        assertTrue(lik.parameters().isEmpty());
        assertThrows(UnrecognizedPropertyException.class,
                () -> json.readValue("{\"sigma\": 1}", provider.configClass()));
        assertEquals("{}", json.writeValueAsString(config), "an empty config serializes, e.g. into a checkpoint");
    }
}
