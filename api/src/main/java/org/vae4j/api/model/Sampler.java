package org.vae4j.api.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * A model that makes new examples from latent codes drawn from its prior: sample grids,
 * interpolations between codes and, for two latent dimensions, manifold pictures.
 */
public interface Sampler {

    /** @return L, the size of a latent code */
    int latentDim();

    /**
     * @param n      how many codes
     * @param random the stream to draw from
     * @return {@code [n, L]} draws from the prior
     */
    INDArray sampleLatent(long n, Random random);

    /**
     * @param codes {@code [N, L]}
     * @return the examples they decode to, as intensities in [0, 1] for pictures, {@code [N, D]}
     *         (for a VAE the mean of p(x|z))
     */
    INDArray decode(INDArray codes);

    /**
     * @param codes  {@code [N, L]}
     * @param random the stream to draw from
     * @return one draw x ~ p(x|z) per code, as intensities in [0, 1]; a deterministic generator
     *         returns {@link #decode}
     */
    default INDArray draw(INDArray codes, Random random) {
        return decode(codes);
    }

    /**
     * @return K for a conditional model, which decodes a code for a class 0..K-1; 0 for an
     *         unconditional one
     */
    default int classes() {
        return 0;
    }

    /**
     * {@link #decode} for a class per code; an unconditional model ignores the classes.
     *
     * @param codes   {@code [N, L]}
     * @param classes one class per code
     * @return the examples, as intensities in [0, 1], {@code [N, D]}
     */
    default INDArray decode(INDArray codes, int[] classes) {
        return decode(codes);
    }

    /**
     * {@link #draw} for a class per code; an unconditional model ignores the classes.
     *
     * @param codes   {@code [N, L]}
     * @param classes one class per code
     * @param random  the stream to draw from
     * @return one draw per code, as intensities in [0, 1]
     */
    default INDArray draw(INDArray codes, int[] classes, Random random) {
        return draw(codes, random);
    }
}
