package org.vae4j.runner.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Fréchet distance against closed forms worked out by hand: for commuting covariances it is
 * {@code |mu1 - mu2|^2 + sum (sqrt(a_i) - sqrt(b_i))^2}; for any 2x2 product M with positive
 * eigenvalues, {@code tr(sqrt(M)) = sqrt(tr M + 2 sqrt(det M))}.
 */
class FrechetDistanceTest {

    private static FrechetDistance.Gaussian gaussian(double[] mean, double[][] cov) {
        return new FrechetDistance.Gaussian(Nd4j.createFromArray(mean), Nd4j.createFromArray(cov), 100);
    }

    @Test
    void aGaussianIsAtDistanceZeroFromItself() {
        FrechetDistance.Gaussian g = gaussian(new double[] {1, -2}, new double[][] {{2, 0.5}, {0.5, 1}});
        assertEquals(0, FrechetDistance.between(g, g), 1e-12);
    }

    @Test
    void oneDimensionIsTheSquaredDistanceOfMeansAndOfStandardDeviations() {
        // N(1, 4) and N(3, 1): (1 - 3)^2 + (2 - 1)^2 = 5
        assertEquals(5, FrechetDistance.between(gaussian(new double[] {1}, new double[][] {{4}}),
                gaussian(new double[] {3}, new double[][] {{1}})), 1e-12);
    }

    @Test
    void diagonalCovariancesAddUpPerDimension() {
        // means differ by (1, 0, 2): 5; variances 9 vs 1, 4 vs 4, 1 vs 16: (3-1)^2 + 0 + (1-4)^2 = 13
        assertEquals(18, FrechetDistance.between(
                gaussian(new double[] {0, 0, 0}, new double[][] {{9, 0, 0}, {0, 4, 0}, {0, 0, 1}}),
                gaussian(new double[] {1, 0, 2}, new double[][] {{1, 0, 0}, {0, 4, 0}, {0, 0, 16}})), 1e-10);
    }

    @Test
    void nonCommutingCovariancesMatchTheTwoByTwoClosedForm() {
        double[][] a = {{2, 1}, {1, 2}};
        double[][] b = {{3, 0}, {0, 1}};
        // A B = [[6, 1], [3, 2]]: trace 8, determinant 9; tr sqrt(AB) = sqrt(8 + 2 * 3) = sqrt(14)
        double expected = (2 + 2) + (3 + 1) - 2 * Math.sqrt(14);
        assertEquals(expected, FrechetDistance.between(gaussian(new double[] {0, 0}, a), gaussian(new double[] {0, 0}, b)),
                1e-10);
        // and it is symmetric
        assertEquals(expected, FrechetDistance.between(gaussian(new double[] {0, 0}, b), gaussian(new double[] {0, 0}, a)),
                1e-10);
    }

    @Test
    void theGaussianOfFeaturesHasTheUnbiasedCovariance() {
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 2}, {5, 8}});
        FrechetDistance.Gaussian g = FrechetDistance.Gaussian.of(x.castTo(DataType.FLOAT));
        assertEquals(3, g.mean().getDouble(0), 1e-6);
        assertEquals(4, g.mean().getDouble(1), 1e-6);
        // deviations (-2, 0, 2) and (-2, -2, 4): var 8/2 = 4, 24/2 = 12, cov (4 + 0 + 8)/2 = 6
        assertEquals(4, g.covariance().getDouble(0, 0), 1e-6);
        assertEquals(12, g.covariance().getDouble(1, 1), 1e-6);
        assertEquals(6, g.covariance().getDouble(0, 1), 1e-6);
    }

    @Test
    void classEntropyIsInBits() {
        assertEquals(Math.log(10) / Math.log(2), SampleQuality.entropyBits(new long[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5}),
                1e-12);
        assertEquals(0, SampleQuality.entropyBits(new long[] {0, 7, 0}), 0);
        // 1/4, 1/4, 1/2: 2 * (1/4 * 2) + 1/2 * 1 = 1.5 bits
        assertEquals(1.5, SampleQuality.entropyBits(new long[] {1, 1, 2}), 1e-12);
    }
}
