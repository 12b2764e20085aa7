package org.vae4j.runner.pictures;

import java.util.Arrays;
import java.util.Comparator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Principal components of a latent space, for drawing a latent space of more than two dimensions
 * in the plane: the eigenvectors of the covariance matrix, by LAPACK's symmetric eigensolver
 * through ND4J. A code wider than {@value #MAX_DIRECT} values (a convolutional autoencoder's
 * 16 x 14 x 14 = 3136) is fitted on at most {@value #MAX_POINTS} evenly spaced points through their
 * Gram matrix, whose eigenvectors give the same leading components, and keeps its leading
 * {@value #LEADING}.
 *
 * @param mean          the data mean, one value per dimension
 * @param components    the principal directions, unit length, by decreasing variance; each one's
 *                      entry of largest magnitude is positive, so the result does not flip sign
 *                      between runs
 * @param variances     the variance along each component, decreasing
 * @param totalVariance the sum of the variances of all dimensions (the covariance's trace)
 */
public record Pca(double[] mean, double[][] components, double[] variances, double totalVariance) {
    /** The widest code whose covariance is diagonalized as it is. */
    public static final int MAX_DIRECT = 1024;
    /** How many components a wider code gets. */
    public static final int LEADING = 3;
    /** The most points a wider code's components are fitted on. */
    public static final int MAX_POINTS = 2000;

    /**
     * @param x data, one row per point, at least one row, all rows equally long
     * @return the principal components of its covariance
     */
    public static Pca fit(double[][] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("PCA needs at least one point");
        }
        int d = x[0].length;
        for (double[] row : x) {
            if (row.length != d) {
                throw new IllegalArgumentException("rows of different lengths: " + d + " and " + row.length);
            }
        }
        INDArray data = Nd4j.create(x).castTo(DataType.DOUBLE);
        INDArray mean = data.mean(0);
        INDArray centered = data.subRowVector(mean);
        double scale = 1.0 / Math.max(1, x.length - 1);
        double total = centered.mul(centered).sumNumber().doubleValue() * scale;
        double[][] components;
        double[] variances;
        if (d <= MAX_DIRECT) {
            INDArray cov = centered.transpose().mmul(centered).muli(scale);
            INDArray values = Eigen.symmetricGeneralizedEigenvalues(cov, true);
            components = new double[d][];
            variances = new double[d];
            Integer[] order = descending(values);
            for (int k = 0; k < d; k++) {
                components[k] = signed(cov.getColumn(order[k]).toDoubleVector());
                variances[k] = Math.max(0, values.getDouble(order[k]));
            }
        } else {
            int m = Math.min(x.length, MAX_POINTS);
            long[] rows = new long[m];
            for (int i = 0; i < m; i++) {
                rows[i] = (long) i * x.length / m;
            }
            INDArray points = centered.get(NDArrayIndex.indices(rows), NDArrayIndex.all());
            double s = 1.0 / Math.max(1, m - 1);
            INDArray gram = points.mmul(points.transpose()).muli(s);
            INDArray values = Eigen.symmetricGeneralizedEigenvalues(gram, true);
            Integer[] order = descending(values);
            int keep = Math.min(LEADING, m);
            components = new double[keep][];
            variances = new double[keep];
            for (int k = 0; k < keep; k++) {
                // an eigenvector v of X X^T gives the component X^T v of X^T X, same eigenvalue
                INDArray u = points.transpose().mmul(gram.getColumn(order[k]).reshape(m, 1)).reshape(d);
                double norm = u.norm2Number().doubleValue();
                components[k] = signed(norm > 0 ? u.div(norm).toDoubleVector() : new double[d]);
                variances[k] = Math.max(0, values.getDouble(order[k]));
            }
        }
        return new Pca(mean.toDoubleVector(), components, variances, total);
    }

    private static Integer[] descending(INDArray values) {
        Integer[] order = new Integer[(int) values.length()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> values.getDouble(i)).reversed());
        return order;
    }

    /** The vector with its entry of largest magnitude positive. */
    private static double[] signed(double[] v) {
        int largest = 0;
        for (int j = 0; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        if (v.length > 0 && v[largest] < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
        return v;
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
        INDArray c = Nd4j.create(Arrays.copyOf(components, dims)).castTo(DataType.DOUBLE);
        INDArray p = Nd4j.create(x).castTo(DataType.DOUBLE).subRowVector(Nd4j.createFromArray(mean))
                .mmul(c.transpose());
        return p.toDoubleMatrix();
    }

    /**
     * @param k a component
     * @return the share of the total variance along it, in [0, 1]
     */
    public double explainedShare(int k) {
        return totalVariance > 0 ? variances[k] / totalVariance : 0;
    }
}
