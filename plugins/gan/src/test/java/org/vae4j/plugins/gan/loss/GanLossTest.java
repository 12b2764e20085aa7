package org.vae4j.plugins.gan.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The adversarial losses: values worked out by hand, gradients against central differences, and
 * no overflow at extreme logits.
 */
class GanLossTest {
    private static final double LN2 = Math.log(2);

    @Test
    void nonSaturatingAtAnUndecidedDiscriminatorIsLogTwoPerTerm() {
        GanLoss loss = new NonSaturatingLoss();
        // D(x) = sigmoid(0) = 1/2 everywhere: -log 1/2 on real plus -log(1 - 1/2) on fake
        assertEquals(2 * LN2, loss.discriminatorLoss(new double[] {0, 0}, new double[] {0, 0, 0}, null, null), 1e-15);
        assertEquals(LN2, loss.generatorLoss(new double[] {0, 0}, null), 1e-15);
        assertEquals(0.5, loss.realness(0), 0);
        // logit 2 on real: -log sigmoid(2) = log(1 + e^-2); logit -1 on fake: -log(1 - sigmoid(-1)) = log(1 + e^-1)
        assertEquals(Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(-1)),
                loss.discriminatorLoss(new double[] {2}, new double[] {-1}, null, null), 1e-15);
        // the generator's -log sigmoid(-1) = log(1 + e)
        assertEquals(Math.log1p(Math.E), loss.generatorLoss(new double[] {-1}, null), 1e-15);
    }

    @Test
    void minimaxGeneratorLossIsMinusTheDiscriminatorsTermOnFakes() {
        GanLoss loss = new MinimaxLoss();
        // log(1 - sigmoid(-1)) = -log(1 + e^-1)
        assertEquals(-Math.log1p(Math.exp(-1)), loss.generatorLoss(new double[] {-1}, null), 1e-15);
        assertEquals(2 * LN2, loss.discriminatorLoss(new double[] {0}, new double[] {0}, null, null), 1e-15);
    }

    @Test
    void leastSquaresRegressesRealToOneAndFakeToZero() {
        GanLoss loss = new LeastSquaresLoss();
        // real outputs 1 and 0: (0 + 1) / 2 / 2; fake output 2: 4 / 2
        assertEquals(0.25 + 2, loss.discriminatorLoss(new double[] {1, 0}, new double[] {2}, null, null), 1e-15);
        // (0.5 - 1)^2 / 2 and (3 - 1)^2 / 2, averaged
        assertEquals((0.125 + 2) / 2, loss.generatorLoss(new double[] {0.5, 3}, null), 1e-15);
        assertEquals(0.7, loss.realness(0.7), 0);
    }

    @Test
    void gradientsMatchCentralDifferences() {
        double[] real = {1.3, -0.4, 2.2};
        double[] fake = {-0.7, 0.1, 3.0, -2.5};
        for (GanLoss loss : List.of(new NonSaturatingLoss(), new MinimaxLoss(), new LeastSquaresLoss())) {
            double[] gr = new double[real.length];
            double[] gf = new double[fake.length];
            loss.discriminatorLoss(real, fake, gr, gf);
            check(loss.name() + " D real", real, gr, r -> loss.discriminatorLoss(r, fake, null, null));
            check(loss.name() + " D fake", fake, gf, f -> loss.discriminatorLoss(real, f, null, null));
            double[] gg = new double[fake.length];
            loss.generatorLoss(fake, gg);
            check(loss.name() + " G", fake, gg, f -> loss.generatorLoss(f, null));
        }
    }

    private static void check(String what, double[] x, double[] analytic, ToDoubleFunction<double[]> f) {
        double eps = 1e-6;
        for (int i = 0; i < x.length; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += eps;
            minus[i] -= eps;
            double numeric = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * eps);
            assertEquals(numeric, analytic[i], 1e-8, what + " [" + i + "]");
        }
    }

    @Test
    void extremeLogitsGiveFiniteLossesAndGradients() {
        GanLoss loss = new NonSaturatingLoss();
        double[] g = new double[2];
        double d = loss.discriminatorLoss(new double[] {-1000, 1000}, new double[] {1000, -1000}, g, new double[2]);
        // -log sigmoid(-1000) = 1000, and log(1 + e^1000) = 1000: (1000 + 0) / 2 twice
        assertEquals(1000, d, 1e-9);
        assertEquals(-0.5, g[0], 1e-15);
        assertEquals(0, g[1], 1e-15);
        double gen = loss.generatorLoss(new double[] {-1000}, g);
        assertEquals(1000, gen, 1e-9);
        assertTrue(Double.isFinite(g[0]));
    }
}
