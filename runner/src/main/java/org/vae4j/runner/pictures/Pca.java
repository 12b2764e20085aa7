package org.vae4j.runner.pictures;

/**
 * Principal components of a latent space, for drawing a latent space of more than two dimensions
 * in the plane. Up to {@value #JACOBI_MAX} dimensions the covariance matrix is diagonalized with the
 * cyclic Jacobi method, exact enough for the tens of dimensions a latent code has. Larger codes (a
 * convolutional autoencoder's 16 x 14 x 14 = 3136 values) get only their leading
 * {@value #LEADING} components, by power iteration with deflation on at most {@value #MAX_POINTS}
 * evenly spaced points: Jacobi on a 3136 x 3136 matrix would take tens of minutes.
 *
 * @param mean       the data mean, one value per dimension
 * @param components the principal directions, unit length, by decreasing variance; each one's
 *                   entry of largest magnitude is positive, so the result does not flip sign
 *                   between runs
 * @param variances  the variance along each component, decreasing
 * @param totalVariance the sum of the variances of all dimensions (the covariance's trace)
 */
public record Pca(double[] mean, double[][] components, double[] variances, double totalVariance) {
    private static final int MAX_SWEEPS = 100;
    /** The most dimensions diagonalized in full. */
    public static final int JACOBI_MAX = 64;
    /** How many components a large code gets. */
    public static final int LEADING = 3;
    /** The most points a large code's components are fitted on. */
    public static final int MAX_POINTS = 2000;
    private static final int POWER_ITERATIONS = 300;

    /**
     * @param x data, one row per point, at least one row, all rows equally long
     * @return the principal components of its covariance
     */
    public static Pca fit(double[][] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("PCA needs at least one point");
        }
        int d = x[0].length;
        double[] mean = new double[d];
        for (double[] row : x) {
            if (row.length != d) {
                throw new IllegalArgumentException("rows of different lengths: " + d + " and " + row.length);
            }
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= x.length;
        }
        if (d > JACOBI_MAX) {
            return leading(x, mean);
        }
        double[][] cov = new double[d][d];
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                double ci = row[i] - mean[i];
                for (int j = i; j < d; j++) {
                    cov[i][j] += ci * (row[j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                cov[i][j] /= Math.max(1, x.length - 1);
                cov[j][i] = cov[i][j];
            }
        }
        double[][] v = identity(d);
        jacobi(cov, v);
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(cov[b][b], cov[a][a]));
        double[][] components = new double[d][d];
        double[] variances = new double[d];
        for (int k = 0; k < d; k++) {
            int col = order[k];
            variances[k] = Math.max(0, cov[col][col]);
            int largest = 0;
            for (int i = 0; i < d; i++) {
                components[k][i] = v[i][col];
                if (Math.abs(v[i][col]) > Math.abs(v[largest][col])) {
                    largest = i;
                }
            }
            if (v[largest][col] < 0) {
                for (int i = 0; i < d; i++) {
                    components[k][i] = -components[k][i];
                }
            }
        }
        double total = 0;
        for (double v2 : variances) {
            total += v2;
        }
        return new Pca(mean, components, variances, total);
    }

    private static Pca leading(double[][] x, double[] mean) {
        int d = mean.length;
        int step = Math.max(1, (x.length + MAX_POINTS - 1) / MAX_POINTS);
        int n = (x.length + step - 1) / step;
        double[][] c = new double[n][d];
        double total = 0;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                c[r][j] = x[r * step][j] - mean[j];
                total += c[r][j] * c[r][j];
            }
        }
        double denom = Math.max(1, n - 1);
        total /= denom;
        int k = Math.min(LEADING, d);
        double[][] components = new double[k][];
        double[] variances = new double[k];
        double[] scores = new double[n];
        for (int comp = 0; comp < k; comp++) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) {
                v[j] = 1.0 + (j % 7) * 0.01;
            }
            normalize(v);
            double lambda = 0;
            for (int it = 0; it < POWER_ITERATIONS; it++) {
                // w = C^T (C v) / (n - 1), with the components found so far projected out
                for (int r = 0; r < n; r++) {
                    scores[r] = dot(c[r], v);
                }
                double[] w = new double[d];
                for (int r = 0; r < n; r++) {
                    double sc = scores[r] / denom;
                    double[] row = c[r];
                    for (int j = 0; j < d; j++) {
                        w[j] += sc * row[j];
                    }
                }
                for (int prev = 0; prev < comp; prev++) {
                    double p = dot(w, components[prev]);
                    for (int j = 0; j < d; j++) {
                        w[j] -= p * components[prev][j];
                    }
                }
                double norm = normalize(w);
                boolean done = Math.abs(norm - lambda) <= 1e-9 * Math.max(norm, 1e-300);
                lambda = norm;
                v = w;
                if (done) {
                    break;
                }
            }
            int largest = 0;
            for (int j = 0; j < d; j++) {
                if (Math.abs(v[j]) > Math.abs(v[largest])) {
                    largest = j;
                }
            }
            if (v[largest] < 0) {
                for (int j = 0; j < d; j++) {
                    v[j] = -v[j];
                }
            }
            components[comp] = v;
            variances[comp] = lambda;
        }
        return new Pca(mean, components, variances, total);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double normalize(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
        return norm;
    }

    /**
     * @param x    points, one row each
     * @param dims how many components to keep
     * @return the coordinates of each point along the first {@code dims} components
     */
    public double[][] project(double[][] x, int dims) {
        if (dims > components.length) {
            throw new IllegalArgumentException("asked for " + dims + " components of " + components.length);
        }
        double[][] out = new double[x.length][dims];
        for (int n = 0; n < x.length; n++) {
            for (int k = 0; k < dims; k++) {
                double s = 0;
                for (int i = 0; i < mean.length; i++) {
                    s += (x[n][i] - mean[i]) * components[k][i];
                }
                out[n][k] = s;
            }
        }
        return out;
    }

    /**
     * @param k a component
     * @return the share of the total variance along it, in [0, 1]
     */
    public double explainedShare(int k) {
        return totalVariance > 0 ? variances[k] / totalVariance : 0;
    }

    private static double[][] identity(int d) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    /** Diagonalizes the symmetric {@code a} in place, accumulating the rotations in {@code v}. */
    private static void jacobi(double[][] a, double[][] v) {
        int d = a.length;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double scale = 0;
            for (int i = 0; i < d; i++) {
                scale += a[i][i] * a[i][i];
                for (int j = i + 1; j < d; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-30 * Math.max(scale, Double.MIN_NORMAL)) {
                return;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < d; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < d; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < d; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
    }
}
