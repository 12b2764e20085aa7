package org.vae4j.api;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * A decoder whose likelihood parameters at pixel i depend on z and on the data's pixels before i
 * (raster order), so p(x|z) = prod_i p(x_i | x_<i, z). Scoring data is one forward run with the
 * data shown to it ({@link #observe}, "teacher forcing"); drawing is pixel by pixel
 * ({@link #sample}). A model family that scores data shows it the targets before every such run;
 * a family that cannot (a GAN's generator has no data to show) refuses one when it is built.
 */
public interface AutoregressiveDecoder extends Decoder {

    /**
     * Shows the decoder the examples its next forward runs score, one per row of the codes.
     *
     * @param targets {@code [N, D]} in the likelihood's units (level indices for a categorical)
     */
    void observe(INDArray targets);

    /** Frees what {@link #observe} keeps, once its runs (and their backward passes) are done. */
    void forget();

    /**
     * Draws x ~ p(x|z) one pixel at a time: a forward run per pixel, each seeing the pixels drawn
     * before.
     *
     * @param codes      {@code [N, L]}
     * @param likelihood the likelihood the parameters are of
     * @param random     the stream of the draws
     * @return {@code [N, D]} in the likelihood's units
     */
    INDArray sample(INDArray codes, Likelihood likelihood, Random random);
}
