package org.vae4j.api.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A model that reconstructs its inputs: test images over their reconstructions. */
public interface Reconstructor {

    /**
     * @param input model inputs {@code [N, D]}
     * @return the reconstructions as intensities in [0, 1], {@code [N, D]} (a new array)
     */
    INDArray reconstruct(INDArray input);

    /**
     * {@link #reconstruct} with each input's class, which a conditional model sees; an
     * unconditional model ignores the classes.
     *
     * @param input   model inputs {@code [N, D]}
     * @param classes one class per input
     * @return the reconstructions, {@code [N, D]}
     */
    default INDArray reconstruct(INDArray input, int[] classes) {
        return reconstruct(input);
    }
}
