package org.vae4j.plugins.vae.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.engine.testing.Arrays.assertClose;
import static org.vae4j.engine.testing.Arrays.randn;
import static org.vae4j.engine.testing.Arrays.rng;




import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vae4j.api.Likelihood;
import org.vae4j.engine.gradcheck.GradientCheck;
import org.vae4j.plugins.vae.likelihood.BernoulliLikelihood;
import org.vae4j.plugins.vae.VaeModel;
import org.vae4j.engine.testing.TestContext;
import org.vae4j.plugins.vae.prior.StandardNormalPrior;

/**
 * Seed 004, exercise 4: the output assumptions gauss, truncated, binomial and binary, each with
 * its loss and its way to pictures, which always land in [0, 1].
 */
class AssumptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long D = 784;

    private static Map<String, Likelihood> assumptions() {
        var ctx = TestContext.of(1, 28, 28);
        return Map.of("gauss", new GaussLikelihoodProvider().create(new GaussConfig(), ctx),
                "truncated", new TruncatedLikelihoodProvider().create(new TruncatedConfig(), ctx),
                "binomial", new BinomialLikelihoodProvider().create(new BinomialConfig(), ctx),
                "binary", new BinaryLikelihoodProvider().create(new BinaryConfig(), ctx));
    }

    /** gauss: half the squared error to the standardised targets, plus the constant of a density of x. */
    @Test
    void gaussLossIsHalfTheSquaredErrorToStandardisedTargets() {
        GaussLikelihood g = new GaussLikelihood(3, 0.1307, 0.3081);
        INDArray x = Nd4j.createFromArray(new double[][] {{0, 0.5, 1}, {0.2, 0.2, 0.9}});
        INDArray y = Nd4j.createFromArray(new double[][] {{-0.4, 1, 2}, {0, 0, 3}});
        INDArray t = x.sub(0.1307).divi(0.3081);
        INDArray r = t.sub(y);
        INDArray expected = r.mul(r).sum(1).muli(-0.5).subi(3 * (Math.log(0.3081) + 0.5 * Math.log(2 * Math.PI)));
        INDArray grad = y.ulike();
        assertClose(expected, g.logProbAndGradient(x, y, -0.5, grad), 1e-12);
        assertClose(r.mul(-0.5), grad, 1e-12);
        assertClose(y.mul(0.3081).addi(0.1307), g.mean(y), 1e-12);
    }

    /** gauss pictures: clamp to the targets' range, then min-max per picture (seed 004's to_intensities). */
    @Test
    void gaussPicturesAreMinMaxScaledWithinTheTargetsRange() {
        GaussLikelihood g = new GaussLikelihood(4, 0.25, 0.25);   // targets in [-1, 3]
        INDArray y = Nd4j.createFromArray(new double[][] {{-5, 0, 1, 9}, {0, 1, 1, 2}, {7, 7, 7, 7}});
        assertClose(Nd4j.createFromArray(new double[][] {{0, 0.25, 0.5, 1}, {0, 0.5, 0.5, 1}, {1, 1, 1, 1}}),
                g.toIntensities(y), 1e-12);
    }

    /** truncated: a density on [0, 1] for any mu and sigma, with the right value, mean and draws. */
    @Test
    void truncatedIsANormalisedDensityOnZeroOne() {
        for (double sigma : new double[] {0.05, 0.3, 1, 5}) {
            TruncatedGaussianLikelihood t = new TruncatedGaussianLikelihood(1, sigma);
            for (double mu : new double[] {-30, -2, 0, 0.3, 1, 4, 40}) {
                int n = 200_000;
                double h = 1.0 / n;
                double mass = 0;
                double first = 0;
                for (int i = 0; i < n; i++) {
                    double x = (i + 0.5) * h;
                    double p = Math.exp(t.logDensity(x, mu));
                    mass += p * h;
                    first += x * p * h;
                }
                assertEquals(1.0, mass, 2e-3, "mass for mu " + mu + ", sigma " + sigma);
                assertEquals(first, t.meanOf(mu), 2e-3, "mean for mu " + mu + ", sigma " + sigma);
            }
        }
        // Z = Phi(0.5) - Phi(-0.5) = 0.38292492254802624 for mu = 0.5, sigma = 1
        TruncatedGaussianLikelihood unit = new TruncatedGaussianLikelihood(1, 1.0);
        assertEquals(-0.5 * Math.log(2 * Math.PI) - Math.log(0.38292492254802624), unit.logDensity(0.5, 0.5), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> unit.logDensity(1.5, 0.5));
        // draws lie in [0, 1] with the right mean
        INDArray mus = Nd4j.valueArrayOf(new long[] {1, 20000}, 0.2, DataType.DOUBLE);
        TruncatedGaussianLikelihood wide = new TruncatedGaussianLikelihood(20000, 0.5);
        INDArray draws = wide.sample(mus, rng(3));
        assertTrue(draws.minNumber().doubleValue() >= 0 && draws.maxNumber().doubleValue() <= 1);
        assertEquals(wide.meanOf(0.2), draws.meanNumber().doubleValue(), 0.01);
    }

    /** truncated: the gradient matches central differences, far into the tails too; pictures clamp. */
    @Test
    void truncatedGradientMatchesCentralDifferencesAndPicturesClamp() {
        TruncatedGaussianLikelihood t = new TruncatedGaussianLikelihood(6, 0.4);
        INDArray x = Nd4j.createFromArray(new double[][] {{0, 0.1, 0.5, 0.9, 1, 0.3}, {0.7, 0, 1, 0.2, 0.4, 0.6}});
        INDArray mu = Nd4j.createFromArray(new double[][] {{-8, 0.2, 0.5, 1.3, 12, -0.5}, {0.7, 3, -3, 0.1, 25, -20}});
        INDArray grad = mu.ulike();
        t.logProbAndGradient(x, mu, 1.0, grad);
        GradientCheck.Result r = GradientCheck.compare(() -> t.logProb(x, mu).sumNumber().doubleValue(), mu, grad, 1e-6);
        // log Z comes from an erfc fit with relative error below 1.2e-7; far in the tails the
        // gradient is the small difference of two terms near 70, which magnifies that to ~1e-4
        assertTrue(r.relativeError() < 2e-4, r.toString());
        INDArray central = mu.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 4));
        INDArray centralGrad = grad.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 4));
        INDArray xs = x.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 4));
        GradientCheck.Result rc = GradientCheck.compare(() -> {
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                sum += t.logDensity(xs.getDouble(i), central.getDouble(i));
            }
            return sum;
        }, central, centralGrad, 1e-6);
        assertTrue(rc.relativeError() < 1e-6, "near [0, 1]: " + rc);
        assertClose(Transforms.min(Transforms.max(mu, 0.0, true), 1.0, false), t.toIntensities(mu), 0);
        assertTrue(Double.isFinite(t.logProb(x, mu).sumNumber().doubleValue()));
    }

    /** binary: targets above the threshold are 1, the loss is BCE with logits, pictures are logits > 0. */
    @Test
    void binaryThresholdsTargetsUsesBceAndShowsPositiveLogits() {
        BinaryLikelihood b = new BinaryLikelihood(4, 0.5);
        INDArray x = Nd4j.createFromArray(new double[][] {{0.1, 0.6, 0.5, 1.0}});
        INDArray l = Nd4j.createFromArray(new double[][] {{-2, 0.5, 3, -0.1}});
        INDArray targets = Nd4j.createFromArray(new double[][] {{0, 1, 0, 1}});
        BernoulliLikelihood bce = new BernoulliLikelihood(4);
        assertClose(bce.logProb(targets, l), b.logProb(x, l), 1e-12);
        INDArray g = l.ulike();
        b.logProbAndGradient(x, l, 2.0, g);
        assertClose(targets.sub(Transforms.sigmoid(l, true)).muli(2.0), g, 1e-12);
        assertClose(Nd4j.createFromArray(new double[][] {{0, 1, 1, 0}}), b.toIntensities(l), 0);
        assertClose(Transforms.sigmoid(l, true), b.mean(l), 1e-12);
    }

    /** binomial: the targets are probabilities, the loss BCE with logits, pictures the sigmoid: the engine's bernoulli. */
    @Test
    void binomialIsTheEnginesBernoulli() {
        Likelihood b = assumptions().get("binomial");
        assertInstanceOf(BernoulliLikelihood.class, b);
        INDArray l = randn(DataType.DOUBLE, 4, 2, D);
        assertClose(Transforms.sigmoid(l, true), b.toIntensities(l), 1e-12);
    }

    /** Seed 004's four output assumptions are registered under its names. */
    @Test
    void theFourAssumptionsAreRegisteredUnderSeed004sNames() {
        java.util.Set<String> found = new java.util.HashSet<>();
        for (org.vae4j.api.spi.Provider<?, ?> p : java.util.ServiceLoader.load(org.vae4j.api.spi.Provider.class)) {
            found.add(p.kind().getSimpleName() + ":" + p.type());
        }
        assertTrue(found.containsAll(java.util.Set.of("Likelihood:gauss", "Likelihood:truncated",
                "Likelihood:binomial", "Likelihood:binary")), found.toString());
    }
}
