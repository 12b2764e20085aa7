package org.vae4j.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NormalQuantileTest {
    /** Reference values: R's qnorm and Python's statistics.NormalDist().inv_cdf (both AS 241). */
    @Test
    void matchesKnownQuantiles() {
        double[][] known = {
            {0.5, 0.0},
            {0.975, 1.9599639845400536},
            {0.025, -1.9599639845400538},
            {0.9, 1.2815515655446008},
            {0.99, 2.3263478740408408},
            {0.3, -0.5244005127080407},
            {0.8413447460685429, 1.0},
            {1e-5, -4.2648907939228256},
            {0.999999, 4.753424308817089},
            {1e-10, -6.361340902404056},
            {1e-300, -37.0470962993612},
        };
        for (double[] k : known) {
            assertEquals(k[1], NormalQuantile.inverse(k[0]), 1e-14 * Math.max(1, Math.abs(k[1])), "p = " + k[0]);
        }
    }

    @Test
    void isAntisymmetricAndIncreasing() {
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < 1000; i++) {
            double p = i / 1000.0;
            double x = NormalQuantile.inverse(p);
            assertEquals(-x, NormalQuantile.inverse(1 - p), 1e-12, "p = " + p);
            assertTrue(x > previous, "increasing at p = " + p);
            previous = x;
        }
    }

    /** Phi(Phi^-1(p)) = p, with Phi integrated numerically from the density (Simpson's rule). */
    @Test
    void invertsTheNormalDistributionFunction() {
        for (double p : new double[] {0.001, 0.02, 0.2, 0.5, 0.7, 0.95, 0.9999}) {
            double x = NormalQuantile.inverse(p);
            // Phi(x) = 1/2 + integral from 0 to x of the density
            int n = 20_000;
            double h = x / n;
            double s = density(0) + density(x);
            for (int i = 1; i < n; i++) {
                s += (i % 2 == 1 ? 4 : 2) * density(i * h);
            }
            assertEquals(p, 0.5 + s * h / 3, 1e-12, "p = " + p);
        }
    }

    @Test
    void evenlySpacedQuantilesOfSeed000() {
        double[] q = NormalQuantile.evenlySpaced(20);
        assertEquals(20, q.length);
        assertEquals(-1.9599639845400538, q[0], 1e-14, "(0 + 0.5) / 20 = 0.025");
        assertEquals(1.9599639845400536, q[19], 1e-14);
        assertEquals(-0.06270677794321383, q[9], 1e-14, "(9 + 0.5) / 20 = 0.475");
        for (int i = 0; i < 20; i++) {
            assertEquals(-q[i], q[19 - i], 1e-14);
        }
        assertEquals(0.0, NormalQuantile.evenlySpaced(1)[0]);
    }

    @Test
    void edgesAndErrors() {
        assertEquals(Double.NEGATIVE_INFINITY, NormalQuantile.inverse(0));
        assertEquals(Double.POSITIVE_INFINITY, NormalQuantile.inverse(1));
        assertThrows(IllegalArgumentException.class, () -> NormalQuantile.inverse(-0.1));
        assertThrows(IllegalArgumentException.class, () -> NormalQuantile.inverse(1.5));
        assertThrows(IllegalArgumentException.class, () -> NormalQuantile.inverse(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> NormalQuantile.evenlySpaced(0));
    }

    private static double density(double x) {
        return Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    }
}
