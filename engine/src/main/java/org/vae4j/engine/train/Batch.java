package org.vae4j.engine.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One mini-batch.
 *
 * @param input  what the encoder sees, {@code [N, D]}
 * @param target what the likelihood scores, {@code [N, D]}; often the same array as {@code input}
 */
public record Batch(INDArray input, INDArray target) {
}
