package org.vae4j.plugins.vae.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Dense;
import org.vae4j.engine.random.SeededRandom;
import org.vae4j.plugins.vae.VaeModel;
import org.vae4j.plugins.vae.likelihood.BernoulliLikelihood;
import org.vae4j.plugins.vae.likelihood.GaussianLikelihood;
import org.vae4j.plugins.vae.objective.ElboObjective;
import org.vae4j.plugins.vae.prior.StandardNormalPrior;

/**
 * The importance-weighted NLL. On a linear Gaussian model, p(z) = N(0, 1), p(x|z) = N(w z + b,
 * s^2 I), the marginal is N(b, w w^T + s^2 I) and the exact posterior is Gaussian; with an
 * encoder that emits that posterior, every importance weight p(x, z) / q(z|x) equals p(x), so
 * the estimate is exactly -log p(x) for any K: a value worked out by hand.
 */
class ImportanceWeightedTest {
    private static final double[] W = {1.5, -0.5};
    private static final double[] B = {0.2, -0.1};
    private static final double S = 0.7;

    /** The linear Gaussian VAE with the exact posterior as its encoder. */
    private static VaeModel exactModel() {
        var r = Nd4j.getRandomFactory().getNewRandomInstance(1);
        double wtw = W[0] * W[0] + W[1] * W[1];
        double postVar = 1 / (1 + wtw / (S * S));
        // posterior mean = postVar w^T (x - b) / s^2 = a^T x + a0
        double[] a = {postVar * W[0] / (S * S), postVar * W[1] / (S * S)};
        double a0 = -(a[0] * B[0] + a[1] * B[1]);
        Dense enc = new Dense(2, 2, Initializer.named("pytorch"), DataType.DOUBLE, r);
        // columns: mean, log-variance (constant)
        enc.parameters().get(0).value().assign(Nd4j.createFromArray(new double[][] {{a[0], 0}, {a[1], 0}}));
        enc.parameters().get(1).value().assign(Nd4j.createFromArray(new double[][] {{a0, Math.log(postVar)}}));
        Dense dec = new Dense(1, 2, Initializer.named("pytorch"), DataType.DOUBLE, r);
        dec.parameters().get(0).value().assign(Nd4j.createFromArray(new double[][] {W}));
        dec.parameters().get(1).value().assign(Nd4j.createFromArray(new double[][] {B}));
        return new VaeModel(new TestModels.TestEncoder(List.of(enc)), new TestModels.TestDecoder(List.of(dec)),
                new StandardNormalPrior(1, DataType.DOUBLE), GaussianLikelihood.fixed(2, S),
                new ElboObjective(p -> 1.0), TestModels.data(2), DataType.DOUBLE);
    }

    /** -log N(x; b, w w^T + s^2 I) for a 2-D x. */
    private static double exactNll(double x0, double x1) {
        return TestModels.linearGaussianNll(x0, x1, W, B, S);
    }

    @Test
    void withTheExactPosteriorEveryWeightIsTheMarginal() {
        VaeModel m = exactModel();
        INDArray x = Nd4j.createFromArray(new double[][] {{0.3, 0.9}, {-1.2, 0.4}, {2.0, -0.7}});
        for (int k : new int[] {1, 7, 5000}) {
            INDArray nll = m.importanceWeightedNll(TestModels.batch(x), k, new SeededRandom(3).get());
            for (int i = 0; i < 3; i++) {
                assertEquals(exactNll(x.getDouble(i, 0), x.getDouble(i, 1)), nll.getDouble(i), 1e-9, "K = " + k);
            }
        }
    }

    @Test
    void aLooseEncoderGivesABoundThatTightensWithK() {
        VaeModel m = TestModels.mlpVae(4, 6, 8, 2, new BernoulliLikelihood(6),
                new StandardNormalPrior(2, DataType.DOUBLE), true);
        INDArray x = TestModels.uniformData(5, 40, 6).gt(0.5).castTo(DataType.DOUBLE);
        double k1 = m.importanceWeightedNll(TestModels.batch(x), 1, new SeededRandom(6).get()).meanNumber().doubleValue();
        double k10 = m.importanceWeightedNll(TestModels.batch(x), 10, new SeededRandom(6).get()).meanNumber().doubleValue();
        double k1000 = m.importanceWeightedNll(TestModels.batch(x), 1000, new SeededRandom(6).get()).meanNumber()
                .doubleValue();
        double elbo = m.negativeElbo(TestModels.batch(x), new SeededRandom(7).get()).meanNumber().doubleValue();
        assertTrue(k1000 < k10 && k10 < k1, k1 + " > " + k10 + " > " + k1000);
        // at K = 1 the estimate is a one-sample negative ELBO
        assertEquals(elbo, k1, 0.5);
        // chunks do not change the estimate: the same stream, one chunk or several
        INDArray again = m.importanceWeightedNll(TestModels.batch(x), 1000, new SeededRandom(6).get());
        assertEquals(k1000, again.meanNumber().doubleValue(), 0);
    }

    /**
     * Stochastic variational inference from a random start finds the exact posterior of the linear
     * Gaussian model: its mean and variance, and a negative ELBO equal to -log p(x), since the
     * ELBO is tight at the true posterior.
     */
    @Test
    void refinementFromARandomStartFindsTheExactPosterior() {
        VaeModel m = exactModel();
        INDArray x = Nd4j.createFromArray(new double[][] {{0.3, 0.9}, {-1.2, 0.4}});
        var batch = TestModels.batch(x);
        org.vae4j.plugins.vae.svi.Refinement r = new org.vae4j.plugins.vae.svi.Refinement(m);
        INDArray phi = r.random(2, new SeededRandom(8).get());
        double start = r.negativeElbo(batch, phi, 4000, new SeededRandom(9).get()).sumNumber().doubleValue();
        r.refine(batch, phi, 3000, 0.02, new SeededRandom(10).get());
        INDArray exactPhi = r.encoded(batch);
        for (int i = 0; i < 2; i++) {
            assertEquals(exactPhi.getDouble(i, 0), phi.getDouble(i, 0), 0.02, "mean of example " + i);
            // the annealed learning rate lets the one-sample steps settle
            assertEquals(exactPhi.getDouble(i, 1), phi.getDouble(i, 1), 0.1, "log-variance of example " + i);
        }
        INDArray after = r.negativeElbo(batch, phi, 4000, new SeededRandom(9).get());
        double exact = exactNll(0.3, 0.9) + exactNll(-1.2, 0.4);
        assertTrue(start > exact + 0.5, "the random start is far off: " + start + " vs " + exact);
        assertEquals(exact, after.sumNumber().doubleValue(), 0.05);
    }

    @Test
    void aPlainAutoencoderHasNoPosterior() {
        VaeModel ae = TestModels.mlpVae(4, 6, 8, 2, new BernoulliLikelihood(6),
                new StandardNormalPrior(2, DataType.DOUBLE), false);
        assertThrows(UnsupportedOperationException.class, () -> ae.importanceWeightedNll(
                TestModels.batch(Nd4j.zeros(DataType.DOUBLE, 2, 6)), 5, new SeededRandom(1).get()));
    }
}
