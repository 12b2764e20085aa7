package org.vae4j.api.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One mini-batch: {@code n} examples flattened to rows of D values in C order.
 *
 * @param input   what a model's first network sees (the encoder, the discriminator), {@code [n, D]}
 * @param target  what a likelihood scores, {@code [n, D]}; the same object as {@code input} when
 *                both come from the same transform
 * @param labels  the examples' class labels, length {@code n}
 * @param indices the examples' positions in their split, length {@code n} (per-example variational
 *                parameters are kept by it)
 */
public record Batch(INDArray input, INDArray target, int[] labels, int[] indices) {

    /** @return the number of examples in the batch */
    public int size() {
        return (int) input.size(0);
    }
}
