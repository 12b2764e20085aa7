package org.vae4j.plugins.vae.likelihood;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Seed 004's {@code binary} assumption: the targets are {0, 1} (pixels above a threshold are 1,
 * seed 004's target pre-processing), Bernoulli with the decoder's logits l, so the loss is the
 * binary cross-entropy with logits: {@code log p(x|l) = sum_d t_d l_d - softplus(l_d)} with
 * {@code t_d = [x_d > threshold]}. Pictures threshold the logits at 0 (seed 004's
 * {@code (logits > 0).float()}), i.e. the more probable value of each pixel; {@link #mean} is
 * {@code sigmoid(l)}.
 */
public final class BinaryLikelihood extends PixelwiseLikelihood {
    private final double threshold;

    /**
     * @param dims      D, the number of data dimensions
     * @param threshold data above it count as 1, the rest as 0
     */
    public BinaryLikelihood(long dims, double threshold) {
        super(dims, "binary likelihood");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, got " + threshold);
        }
        this.threshold = threshold;
    }

    private static double softplus(double l) {
        return Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l)));
    }

    private static double sigmoid(double l) {
        return l >= 0 ? 1 / (1 + Math.exp(-l)) : Math.exp(l) / (1 + Math.exp(l));
    }

    @Override
    double logDensity(double x, double l) {
        return (x > threshold ? l : 0) - softplus(l);
    }

    @Override
    double derivative(double x, double l) {
        return (x > threshold ? 1 : 0) - sigmoid(l);
    }

    @Override
    double draw(double l, java.util.Random random) {
        return random.nextDouble() < sigmoid(l) ? 1 : 0;
    }

    @Override
    double meanOf(double l) {
        return sigmoid(l);
    }

    /** @return 1 where the logit is above 0, else 0 */
    @Override
    public INDArray toIntensities(INDArray params) {
        checkParams(params);
        return params.gt(0.0).castTo(params.dataType());
    }

    @Override
    public String toString() {
        return "Binary(D=" + dimensions() + ", threshold " + threshold + ")";
    }
}
