package org.vae4j.datasets;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One mini-batch: {@code n} images flattened to rows of D floats in C order.
 *
 * @param input   what the encoder sees, FLOAT, shape {@code [n, D]}
 * @param target  what the likelihood scores, FLOAT, shape {@code [n, D]}; the same object as
 *                {@code input} when both come from the same transform
 * @param labels  the images' labels, length {@code n}
 * @param indices the images' indices in the {@link ImageSet} batched, length {@code n}
 */
public record Batch(INDArray input, INDArray target, int[] labels, int[] indices) {

    /** @return the number of images in the batch */
    public int size() {
        return indices.length;
    }
}
