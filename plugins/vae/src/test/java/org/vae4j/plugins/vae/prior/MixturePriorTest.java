package org.vae4j.plugins.vae.prior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Parameter;
import org.vae4j.engine.gradcheck.GradientCheck;
import org.vae4j.engine.random.SeededRandom;

/**
 * The learned mixture prior: densities worked out by hand, every gradient (codes and parameters,
 * with per-row weights) against central differences, and sampling by the mixture weights.
 */
class MixturePriorTest {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private static MixturePrior prior(int l, int c, long seed) {
        return new MixturePrior(l, c, 1.0, DataType.DOUBLE, Nd4j.getRandomFactory().getNewRandomInstance(seed));
    }

    @Test
    void oneComponentIsAGaussianAndTwoEqualWeightsMix() {
        MixturePrior one = prior(2, 1, 1);
        one.parameters().get(1).value().assign(Nd4j.createFromArray(new double[][] {{1, -2}}));
        one.parameters().get(2).value().assign(Nd4j.createFromArray(new double[][] {{Math.log(4), 0}}));
        // N(z; (1, -2), diag(4, 1)) at (3, -2): -log(2 pi) - 0.5 log 4 - 0.5 (2^2 / 4)
        double expected = -LOG_2PI - 0.5 * Math.log(4) - 0.5;
        assertEquals(expected, one.logProb(Nd4j.createFromArray(new double[][] {{3, -2}})).getDouble(0), 1e-12);

        MixturePrior two = prior(1, 2, 2);
        two.parameters().get(1).value().assign(Nd4j.createFromArray(new double[][] {{-1}, {2}}));
        two.parameters().get(0).value().assign(Nd4j.createFromArray(new double[] {0, Math.log(3)}));
        // weights 1/4 and 3/4; at z = 0: 1/4 N(0; -1, 1) + 3/4 N(0; 2, 1)
        double p = 0.25 * Math.exp(-0.5) / Math.sqrt(2 * Math.PI) + 0.75 * Math.exp(-2) / Math.sqrt(2 * Math.PI);
        assertEquals(Math.log(p), two.logProb(Nd4j.createFromArray(new double[][] {{0}})).getDouble(0), 1e-12);
    }

    @Test
    void weightedGradientsMatchCentralDifferences() {
        MixturePrior m = prior(3, 4, 3);
        m.parameters().get(0).value().assign(Nd4j.createFromArray(new double[] {0.3, -0.2, 0.5, 0.0}));
        m.parameters().get(2).value().assign(org.vae4j.engine.testing.Arrays.uniform(DataType.DOUBLE, 21, 4, 3).muli(0.5));
        INDArray z = org.vae4j.engine.testing.Arrays.randn(DataType.DOUBLE, 22, 5, 3);
        INDArray w = Nd4j.createFromArray(new double[][] {{0.7}, {-1.2}, {0.1}, {2.0}, {0.4}});
        DoubleSupplier f = () -> m.logProb(z).mul(w.reshape(5)).sumNumber().doubleValue();
        m.parameters().forEach(p -> p.gradient().assign(0));
        INDArray gz = z.ulike();
        m.logProbAndGradient(z, w, gz);
        GradientCheck.Result rz = GradientCheck.compare(f, z, gz, 1e-6);
        assertTrue(rz.relativeError() < 1e-6, "codes: " + rz);
        for (Parameter p : m.parameters()) {
            GradientCheck.Result r = GradientCheck.compare(f, p.value(), p.gradient().dup(), 1e-6);
            assertTrue(r.relativeError() < 1e-6, p + ": " + r);
        }
        // the scalar-scale form is the weighted one with equal weights, and gradients add up
        m.parameters().forEach(p -> p.gradient().assign(0));
        INDArray g2 = z.ulike();
        m.logProbAndGradient(z, -0.5, g2);
        m.logProbAndGradient(z, -0.5, g2);
        INDArray gw = z.ulike();
        MixturePrior same = m;
        INDArray twice = same.parameters().get(1).gradient().dup();
        m.parameters().forEach(p -> p.gradient().assign(0));
        m.logProbAndGradient(z, Nd4j.valueArrayOf(new long[] {5, 1}, -1.0, DataType.DOUBLE), gw);
        assertEquals(0, twice.sub(m.parameters().get(1).gradient()).amaxNumber().doubleValue(), 1e-12);
        assertEquals(0, g2.mul(2).sub(gw).amaxNumber().doubleValue(), 1e-12);
    }

    @Test
    void samplesFollowTheMixtureWeights() {
        MixturePrior m = prior(1, 2, 4);
        m.parameters().get(1).value().assign(Nd4j.createFromArray(new double[][] {{-3}, {3}}));
        m.parameters().get(2).value().assign(Nd4j.createFromArray(new double[][] {{Math.log(0.01)}, {Math.log(0.01)}}));
        m.parameters().get(0).value().assign(Nd4j.createFromArray(new double[] {0, Math.log(3)}));
        INDArray s = m.sample(20_000, new SeededRandom(5).get());
        double right = s.gt(0).castTo(DataType.DOUBLE).meanNumber().doubleValue();
        assertEquals(0.75, right, 0.01, "three quarters of the draws from the component of weight 3/4");
        assertEquals(0.75 * 3 - 0.25 * 3, s.meanNumber().doubleValue(), 0.05);
    }
}
