package org.vae4j.plugins.vae.prior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.plugins.vae.likelihood.LikelihoodAssertions.assertClose;
import static org.vae4j.plugins.vae.likelihood.LikelihoodAssertions.assertGradient;
import static org.vae4j.plugins.vae.likelihood.LikelihoodAssertions.assertValues;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vae4j.api.Prior;
import org.vae4j.engine.gradcheck.GradientCheck;
import org.vae4j.engine.testing.TestContext;

class StandardNormalPriorTest {
    private static final double HALF_LOG_2PI = 0.918938533204672742;

    @Test
    void logProbByHand() {
        StandardNormalPrior prior = new StandardNormalPrior(10, DataType.DOUBLE);
        INDArray z = Nd4j.vstack(Nd4j.zeros(DataType.DOUBLE, 1, 10), Nd4j.ones(DataType.DOUBLE, 1, 10));
        assertValues(new double[] {-10 * HALF_LOG_2PI, -5 - 10 * HALF_LOG_2PI}, prior.logProb(z), 1e-12);
    }

    @Test
    void logProbGradientIsMinusZAndMatchesFiniteDifferences() {
        StandardNormalPrior prior = new StandardNormalPrior(5, DataType.DOUBLE);
        INDArray z = Nd4j.getRandomFactory().getNewRandomInstance(904).nextGaussian(new long[] {3, 5}).castTo(DataType.DOUBLE);
        INDArray grad = prior.logProbGradient(z);
        assertClose(z.neg(), grad, 0);
        assertGradient(GradientCheck.compare(() -> prior.logProb(z).sumNumber().doubleValue(), z, grad,
                GradientCheck.DEFAULT_EPS), "z");
    }

    @Test
    void klByHand() {
        StandardNormalPrior prior = new StandardNormalPrior(10, DataType.DOUBLE);
        INDArray mean = Nd4j.vstack(Nd4j.ones(DataType.DOUBLE, 1, 10), Nd4j.zeros(DataType.DOUBLE, 2, 10));
        INDArray logVar = Nd4j.zeros(DataType.DOUBLE, 3, 10);
        logVar.getRow(2).assign(Math.log(2));
        double perDim = 0.5 * (2 - 1 - Math.log(2));
        assertValues(new double[] {5.0, 0.0, 10 * perDim}, prior.klDivergence(mean, logVar, 1.0, null, null), 1e-12);
        assertTrue(prior.hasClosedFormKl());
    }

    @Test
    void klGradientsMatchFiniteDifferencesOnColumnViews() {
        StandardNormalPrior prior = new StandardNormalPrior(5, DataType.DOUBLE);
        // the encoder's output: means in columns 0..4, log-variances in 5..9
        INDArray encoded = Nd4j.getRandomFactory().getNewRandomInstance(559).nextGaussian(new long[] {3, 10}).castTo(DataType.DOUBLE);
        INDArray mean = encoded.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 5));
        INDArray logVar = encoded.get(NDArrayIndex.all(), NDArrayIndex.interval(5, 10));
        INDArray grad = Nd4j.valueArrayOf(new long[] {3, 12}, 7.0, DataType.DOUBLE);
        INDArray gradMean = grad.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 6));
        INDArray gradLogVar = grad.get(NDArrayIndex.all(), NDArrayIndex.interval(6, 11));

        INDArray kl = prior.klDivergence(mean, logVar, 1.0, gradMean, gradLogVar).dup();
        INDArray expected = Nd4j.createUninitialized(DataType.DOUBLE, 3);
        for (int n = 0; n < 3; n++) {
            double sum = 0;
            for (int j = 0; j < 5; j++) {
                double m = encoded.getDouble(n, j);
                double lv = encoded.getDouble(n, 5 + j);
                sum += -0.5 * (1 + lv - m * m - Math.exp(lv));
            }
            expected.putScalar(n, sum);
        }
        assertClose(expected, kl, 1e-12);
        assertEquals(7.0, grad.getDouble(0, 0));
        assertEquals(7.0, grad.getDouble(2, 11));

        INDArray analyticMean = gradMean.dup();
        INDArray analyticLogVar = gradLogVar.dup();
        INDArray meanCopy = mean.dup();
        INDArray logVarCopy = logVar.dup();
        assertGradient(GradientCheck.compare(() -> prior.klDivergence(meanCopy, logVarCopy, 1.0, null, null)
                .sumNumber().doubleValue(), meanCopy, analyticMean, GradientCheck.DEFAULT_EPS), "mean");
        assertGradient(GradientCheck.compare(() -> prior.klDivergence(meanCopy, logVarCopy, 1.0, null, null)
                .sumNumber().doubleValue(), logVarCopy, analyticLogVar, GradientCheck.DEFAULT_EPS), "logVar");
    }

    @Test
    void scaleMultipliesTheGradients() {
        StandardNormalPrior prior = new StandardNormalPrior(5, DataType.FLOAT);
        INDArray mean = Nd4j.getRandomFactory().getNewRandomInstance(629).nextGaussian(new long[] {4, 5}).castTo(DataType.FLOAT);
        INDArray logVar = Nd4j.getRandomFactory().getNewRandomInstance(629).nextGaussian(new long[] {4, 5}).castTo(DataType.FLOAT);
        INDArray gm = mean.ulike();
        INDArray glv = mean.ulike();
        INDArray kl = prior.klDivergence(mean, logVar, 0.25, gm, glv);
        assertEquals(DataType.FLOAT, kl.dataType());
        assertClose(mean.mul(0.25), gm, 1e-6);
        assertClose(org.nd4j.linalg.ops.transforms.Transforms.exp(logVar, true).subi(1).muli(0.125), glv, 1e-5);
        INDArray onlyMean = mean.ulike();
        prior.klDivergence(mean, logVar, 0.25, onlyMean, null);
        assertClose(gm, onlyMean, 0);
    }

    @Test
    void samplesAreStandardNormal() {
        StandardNormalPrior prior = new StandardNormalPrior(8, DataType.FLOAT);
        INDArray z = prior.sample(5000, Nd4j.getRandomFactory().getNewRandomInstance(3));
        assertArrayEquals(new long[] {5000, 8}, z.shape());
        assertEquals(DataType.FLOAT, z.dataType());
        assertEquals(0, z.meanNumber().doubleValue(), 4 / Math.sqrt(40000));
        assertEquals(1, z.stdNumber().doubleValue(), 0.02);
        assertEquals(z, prior.sample(5000, Nd4j.getRandomFactory().getNewRandomInstance(3)));
    }

    @Test
    void rejectsWrongWidth() {
        StandardNormalPrior prior = new StandardNormalPrior(4, DataType.DOUBLE);
        assertThrows(IllegalArgumentException.class, () -> prior.logProb(Nd4j.zeros(DataType.DOUBLE, 2, 5)));
    }

    @Test
    void providerUsesTheContextsLatentSize() throws Exception {
        StandardNormalPriorProvider provider = new StandardNormalPriorProvider();
        assertEquals("standard-normal", provider.type());
        assertEquals(Prior.class, provider.kind());
        ObjectMapper json = new ObjectMapper();
        Prior prior = provider.create(json.readValue("{}", provider.configClass()),
                TestContext.of(784).latent(12).type(DataType.DOUBLE).shapes(new long[0], new long[] {12}));
        assertEquals(12, prior.latentDim());
        assertEquals(DataType.DOUBLE, prior.sample(2, Nd4j.getRandomFactory().getNewRandomInstance(1)).dataType());
        assertTrue(prior.parameters().isEmpty());
        assertThrows(UnrecognizedPropertyException.class,
                () -> json.readValue("{\"mean\": 0}", provider.configClass()));
        assertEquals("{}", json.writeValueAsString(new StandardNormalConfig()));
    }
}
