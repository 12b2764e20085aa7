package org.vae4j.plugins.vae.likelihood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.plugins.vae.likelihood.LikelihoodAssertions.assertClose;
import static org.vae4j.plugins.vae.likelihood.LikelihoodAssertions.assertGradient;
import static org.vae4j.plugins.vae.likelihood.LikelihoodAssertions.assertValues;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Likelihood;
import org.vae4j.engine.gradcheck.GradientCheck;

class MseLikelihoodTest {

    @Test
    void logProbIsMinusTheSummedSquaredError() {
        MseLikelihood lik = new MseLikelihood(3);
        INDArray mu = Nd4j.createFromArray(new double[][] {{0, 0, 0}, {1, 2, 3}});
        INDArray x = Nd4j.createFromArray(new double[][] {{1, -2, 0.5}, {1, 2, 3}});
        assertValues(new double[] {-(1 + 4 + 0.25), 0}, lik.logProb(x, mu), 1e-12);
    }

    @Test
    void theBatchMeanLossIsPyTorchsSummedMseOverTheBatchSize() {
        // F.mse_loss(x_hat, x, reduction='sum') / N, the loss of seed 002's autoencoder
        MseLikelihood lik = new MseLikelihood(6);
        INDArray mu = Nd4j.getRandomFactory().getNewRandomInstance(864).nextDouble(new long[] {4, 6}).castTo(DataType.DOUBLE);
        INDArray x = Nd4j.getRandomFactory().getNewRandomInstance(864).nextDouble(new long[] {4, 6}).castTo(DataType.DOUBLE);
        double loss = -lik.logProb(x, mu).sumNumber().doubleValue() / 4;
        double expected = x.sub(mu).muli(x.sub(mu)).sumNumber().doubleValue() / 4;
        assertEquals(expected, loss, 1e-12);
    }

    @Test
    void gradientMatchesFiniteDifferencesAndIsScaled() {
        MseLikelihood lik = new MseLikelihood(5);
        INDArray mu = Nd4j.getRandomFactory().getNewRandomInstance(241).nextDouble(new long[] {3, 5}).castTo(DataType.DOUBLE);
        INDArray x = Nd4j.getRandomFactory().getNewRandomInstance(241).nextDouble(new long[] {3, 5}).castTo(DataType.DOUBLE);
        INDArray grad = mu.ulike();
        INDArray lp = lik.logProbAndGradient(x, mu, 1.0, grad).dup();
        assertClose(lik.logProb(x, mu), lp, 1e-12);
        assertGradient(GradientCheck.compare(() -> lik.logProb(x, mu).sumNumber().doubleValue(), mu, grad,
                GradientCheck.DEFAULT_EPS), "means");
        INDArray scaled = mu.ulike();
        lik.logProbAndGradient(x, mu, -0.25, scaled);
        assertClose(grad.mul(-0.25), scaled, 1e-12);
    }

    @Test
    void sameGradientsAsAGaussianWithVarianceOneHalf() {
        Likelihood mse = new MseLikelihood(4);
        Likelihood gauss = GaussianLikelihood.fixed(4, Math.sqrt(0.5));
        INDArray mu = Nd4j.getRandomFactory().getNewRandomInstance(470).nextDouble(new long[] {2, 4}).castTo(DataType.DOUBLE);
        INDArray x = Nd4j.getRandomFactory().getNewRandomInstance(470).nextDouble(new long[] {2, 4}).castTo(DataType.DOUBLE);
        INDArray g1 = mu.ulike();
        INDArray g2 = mu.ulike();
        INDArray l1 = mse.logProbAndGradient(x, mu, 1.0, g1).dup();
        INDArray l2 = gauss.logProbAndGradient(x, mu, 1.0, g2).dup();
        assertClose(g1, g2, 1e-12);
        // the values differ by the normalizing constant D (log sigma + log(2 pi)/2)
        double constant = 4 * (Math.log(Math.sqrt(0.5)) + 0.5 * Math.log(2 * Math.PI));
        assertClose(l1.sub(constant), l2, 1e-12);
    }

    @Test
    void intensitiesAreClampedMeansAndSamplesScatterAroundThem() {
        MseLikelihood lik = new MseLikelihood(2);
        INDArray mu = Nd4j.createFromArray(new float[][] {{-0.5f, 0.25f}, {1.5f, 0.75f}});
        assertArrayEquals(new float[] {0, 0.25f, 1, 0.75f}, lik.toIntensities(mu).data().asFloat(), 0f);
        INDArray many = Nd4j.zeros(DataType.DOUBLE, 20000, 2);
        INDArray draws = lik.sample(many, Nd4j.getRandomFactory().getNewRandomInstance(5));
        double var = draws.varNumber().doubleValue();
        assertTrue(Math.abs(var - 0.5) < 0.02, "variance " + var);
        assertEquals(1, lik.parametersPerDimension());
    }
}
