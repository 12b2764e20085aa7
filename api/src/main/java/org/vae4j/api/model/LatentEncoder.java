package org.vae4j.api.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A model that maps examples to latent codes: scatter plots of the latent space. */
public interface LatentEncoder {

    /** @return L, the size of a code */
    int latentDim();

    /**
     * @param input model inputs {@code [N, D]}
     * @return {@code [N, L]}: the posterior means, or the codes of a deterministic encoder (a new array)
     */
    INDArray encode(INDArray input);

    /**
     * {@link #encode} with each input's class, which a conditional model's encoder sees; an
     * unconditional model ignores the classes.
     *
     * @param input   model inputs {@code [N, D]}
     * @param classes one class per input
     * @return {@code [N, L]}
     */
    default INDArray encode(INDArray input, int[] classes) {
        return encode(input);
    }

    /** @return whether the encoder is deterministic (a plain autoencoder's codes, not posterior means) */
    default boolean deterministic() {
        return false;
    }
}
