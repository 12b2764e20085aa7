package org.vae4j.plugins.vae.likelihood;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seed 004's {@code gauss} assumption: the targets, standardised with the data set's mean and
 * standard deviation ({@code (x - mean) / std}, seed 004's {@code Normalize}), are standard
 * normal around the decoder's outputs y, so the loss is half the squared error to the
 * standardised targets, seed 004's MSE:
 * {@code log p(x|y) = sum_d -0.5 ((x_d - mean) / std - y_d)^2 - log(std) - 0.5 log(2 pi)}
 * (the {@code -log std} makes it a density of x itself). Data are given in [0, 1]; the
 * standardisation happens here.
 *
 * <p>Pictures ({@link #toIntensities}) follow seed 004's {@code to_intensities}: the outputs are
 * clamped to the range the standardised targets can take, {@code [-mean/std, (1-mean)/std]}, and
 * then min-max scaled to [0, 1], here per picture rather than over the whole batch, so a picture
 * does not change with its batch mates. A picture whose outputs are all equal maps linearly from
 * that range instead.
 */
public final class GaussLikelihood extends PixelwiseLikelihood {
    private final double mean;
    private final double std;
    private final double logStd;

    /**
     * @param dims D, the number of data dimensions
     * @param mean the data set's mean intensity
     * @param std  the data set's standard deviation, > 0
     */
    public GaussLikelihood(long dims, double mean, double std) {
        super(dims, "gauss likelihood");
        if (!(std > 0) || !Double.isFinite(std) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite and std finite and > 0, got " + mean + ", " + std);
        }
        this.mean = mean;
        this.std = std;
        this.logStd = Math.log(std);
    }

    /** @return the lowest standardised target, {@code -mean / std} */
    public double low() {
        return -mean / std;
    }

    /** @return the highest standardised target, {@code (1 - mean) / std} */
    public double high() {
        return (1 - mean) / std;
    }

    @Override
    double logDensity(double x, double y) {
        double r = (x - mean) / std - y;
        return -0.5 * r * r - logStd - NormalMath.LOG_SQRT_2PI;
    }

    @Override
    double derivative(double x, double y) {
        return (x - mean) / std - y;
    }

    @Override
    double draw(double y, java.util.Random random) {
        return (y + random.nextGaussian()) * std + mean;
    }

    @Override
    double meanOf(double y) {
        return y * std + mean;
    }

    @Override
    public INDArray toIntensities(INDArray params) {
        checkParams(params);
        double[] v = host(params);
        int n = Math.toIntExact(params.size(0));
        int d = v.length / Math.max(1, n);
        double lo = low();
        double hi = high();
        for (int i = 0; i < n; i++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = i * d; j < (i + 1) * d; j++) {
                double c = Double.isNaN(v[j]) ? lo : Math.max(lo, Math.min(hi, v[j]));
                v[j] = c;
                min = Math.min(min, c);
                max = Math.max(max, c);
            }
            if (!(max > min)) {
                min = lo;
                max = hi;
            }
            for (int j = i * d; j < (i + 1) * d; j++) {
                v[j] = (v[j] - min) / (max - min);
            }
        }
        return Nd4j.create(v, params.shape(), 'c').castTo(params.dataType());
    }

    @Override
    public String toString() {
        return "Gauss(D=" + dimensions() + ", standardised with mean " + mean + ", std " + std + ")";
    }
}
