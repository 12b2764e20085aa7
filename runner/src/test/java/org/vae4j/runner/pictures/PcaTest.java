package org.vae4j.runner.pictures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {
    /**
     * Four points a_i u + b_i v + m with u = (1, 1, 0)/sqrt 2 and v = (0, 0, 1) orthonormal,
     * a = (-3, -1, 1, 3) and b = (1, -1, -1, 1) uncorrelated and centered: the principal
     * components are u and v with variances 20/3 and 4/3, and the coordinates are a and b.
     */
    @Test
    void findsTheComponentsOfAKnownDataSet() {
        double r = Math.sqrt(0.5);
        double[] a = {-3, -1, 1, 3};
        double[] b = {1, -1, -1, 1};
        double[] m = {5, -2, 7};
        double[][] x = new double[4][];
        for (int i = 0; i < 4; i++) {
            x[i] = new double[] {a[i] * r + m[0], a[i] * r + m[1], b[i] + m[2]};
        }
        Pca pca = Pca.fit(x);
        assertArrayEquals(m, pca.mean(), 1e-12);
        assertArrayEquals(new double[] {r, r, 0}, pca.components()[0], 1e-12);
        assertArrayEquals(new double[] {0, 0, 1}, pca.components()[1], 1e-12);
        assertArrayEquals(new double[] {20.0 / 3, 4.0 / 3, 0}, pca.variances(), 1e-12);
        assertEquals(20.0 / 24, pca.explainedShare(0), 1e-12);
        double[][] p = pca.project(x, 2);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(new double[] {a[i], b[i]}, p[i], 1e-12, "point " + i);
        }
    }

    /** On random correlated data the components are orthonormal and diagonalize the covariance. */
    @Test
    void diagonalizesARandomCovariance() {
        Random random = new Random(3);
        int d = 6;
        double[][] mix = new double[d][d];
        for (double[] row : mix) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] x = new double[500][d];
        for (double[] row : x) {
            double[] g = new double[d];
            for (int j = 0; j < d; j++) {
                g[j] = random.nextGaussian();
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    row[i] += mix[i][j] * g[j];
                }
            }
        }
        Pca pca = Pca.fit(x);
        double[][] c = pca.components();
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < d; l++) {
                assertEquals(k == l ? 1 : 0, dot(c[k], c[l]), 1e-10, "orthonormal " + k + ", " + l);
            }
            if (k > 0) {
                assertEquals(true, pca.variances()[k] <= pca.variances()[k - 1], "decreasing");
            }
        }
        // the projections are uncorrelated, with the components' variances
        double[][] p = pca.project(x, d);
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < d; l++) {
                double s = 0;
                for (double[] row : p) {
                    s += row[k] * row[l];
                }
                assertEquals(k == l ? pca.variances()[k] : 0, s / (x.length - 1), 1e-9, k + ", " + l);
            }
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new double[][] {{1, 2}, {1}}));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new double[][] {{1, 2}}).project(new double[][] {{1, 2}}, 3));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * A large code (a convolutional autoencoder's 3136 values) gets its leading components by power
     * iteration: on data with three known directions of variance 9, 4 and 1 over isotropic noise,
     * they come out as those directions, with the share of the total variance (a full Jacobi
     * diagonalization of this size would take tens of minutes).
     */
    @Test
    void findsTheLeadingComponentsOfALargeCode() {
        int d = 3136;
        Random random = new Random(5);
        double[][] dirs = new double[3][d];
        for (int k = 0; k < 3; k++) {
            dirs[k][k * 100 + 7] = 1;
        }
        double[] scale = {3, 2, 1};
        double[][] x = new double[3000][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = 0.01 * random.nextGaussian();
            }
            for (int k = 0; k < 3; k++) {
                double a = scale[k] * random.nextGaussian();
                for (int j = 0; j < d; j++) {
                    row[j] += a * dirs[k][j];
                }
            }
        }
        Pca pca = Pca.fit(x);
        assertEquals(3, pca.components().length);
        for (int k = 0; k < 3; k++) {
            assertEquals(1.0, Math.abs(pca.components()[k][k * 100 + 7]), 1e-3, "component " + k);
            assertEquals(scale[k] * scale[k], pca.variances()[k], 0.15 * scale[k] * scale[k], "variance " + k);
        }
        double total = 14 + d * 1e-4;
        assertEquals(9 / total, pca.explainedShare(0), 0.05);
        assertEquals(2, pca.project(x, 2)[0].length);
    }
}
