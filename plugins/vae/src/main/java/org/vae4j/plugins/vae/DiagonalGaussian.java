package org.vae4j.plugins.vae;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.engine.layers.OffHeap;

/** The density of a reparameterized draw from a diagonal Gaussian, which every VAE family here needs. */
public final class DiagonalGaussian {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private DiagonalGaussian() {
    }

    /**
     * log N(z; m, exp(logVar)) per row at z = m + exp(logVar / 2) * eps, in terms of the draw's
     * noise: {@code sum_j -eps_j^2/2 - logVar_j/2 - log(2 pi)/2}. Its gradient is -1/2 on the
     * log-variances and none on the mean, eps held fixed.
     *
     * @param logVar the log-variances {@code [N, L]}
     * @param noise  the draw's eps {@code [N, L]}
     * @return {@code [N]}, a new array
     */
    public static INDArray logDensityOfDraw(INDArray logVar, INDArray noise) {
        INDArray terms = noise.mul(noise).addi(logVar).addi(2 * HALF_LOG_2PI).muli(-0.5);
        INDArray out = terms.sum(1);
        OffHeap.free(terms);
        return out;
    }
}
