package org.vae4j.runner.score;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Fréchet distance between two Gaussians fitted to two sets of feature vectors (Dowson and
 * Landau, 1982; Heusel et al.'s FID uses it on Inception features):
 * {@code |mu1 - mu2|^2 + tr(S1 + S2 - 2 (S1 S2)^(1/2))}.
 *
 * <p>The trace of the matrix square root is computed as {@code tr((S1^(1/2) S2 S1^(1/2))^(1/2))},
 * which is the same (the two products are similar matrices) but symmetric, so two symmetric
 * eigendecompositions do it, with no complex square roots of a non-symmetric matrix as
 * {@code scipy.linalg.sqrtm} needs; eigenvalues below zero by round-off count as zero.
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    /**
     * The mean and covariance of a set of vectors.
     *
     * @param mean       {@code [d]}
     * @param covariance {@code [d, d]}, with the unbiased 1/(n-1) normalization
     * @param n          the number of vectors
     */
    public record Gaussian(INDArray mean, INDArray covariance, long n) {
        /**
         * @param features {@code [n, d]}, n >= 2
         * @return their mean and covariance, in double precision
         */
        public static Gaussian of(INDArray features) {
            if (features.rank() != 2 || features.size(0) < 2) {
                throw new IllegalArgumentException("need at least two feature vectors [n, d], got "
                        + java.util.Arrays.toString(features.shape()));
            }
            INDArray x = features.castTo(DataType.DOUBLE);
            INDArray mean = x.mean(0);
            INDArray centered = x.subRowVector(mean);
            INDArray cov = centered.transpose().mmul(centered).divi(x.size(0) - 1);
            return new Gaussian(mean, cov, x.size(0));
        }
    }

    /**
     * @param a one set's Gaussian
     * @param b the other's
     * @return the Fréchet distance, >= 0
     */
    public static double between(Gaussian a, Gaussian b) {
        INDArray diff = a.mean().sub(b.mean());
        double meanTerm = diff.mul(diff).sumNumber().doubleValue();
        INDArray rootA = sqrtSymmetric(a.covariance());
        INDArray m = rootA.mmul(b.covariance()).mmul(rootA);
        INDArray sym = m.add(m.transpose()).muli(0.5);
        double traceRoot = 0;
        for (double v : eigenvalues(sym)) {
            traceRoot += Math.sqrt(Math.max(v, 0));
        }
        double trace = trace(a.covariance()) + trace(b.covariance());
        return Math.max(0, meanTerm + trace - 2 * traceRoot);
    }

    /** @return the symmetric square root of a symmetric positive semi-definite matrix */
    static INDArray sqrtSymmetric(INDArray s) {
        INDArray vectors = s.add(s.transpose()).muli(0.5);
        // Eigen overwrites its argument with the eigenvectors (columns)
        INDArray values = Eigen.symmetricGeneralizedEigenvalues(vectors, true);
        int d = (int) values.length();
        INDArray root = Nd4j.zeros(DataType.DOUBLE, d);
        for (int i = 0; i < d; i++) {
            root.putScalar(i, Math.sqrt(Math.max(values.getDouble(i), 0)));
        }
        return vectors.mulRowVector(root).mmul(vectors.transpose());
    }

    private static double trace(INDArray m) {
        double t = 0;
        for (long i = 0; i < m.size(0); i++) {
            t += m.getDouble(i, i);
        }
        return t;
    }

    private static double[] eigenvalues(INDArray symmetric) {
        return Eigen.symmetricGeneralizedEigenvalues(symmetric.dup(), false).toDoubleVector();
    }
}
