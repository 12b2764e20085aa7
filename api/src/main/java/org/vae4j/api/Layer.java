package org.vae4j.api;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A differentiable map from a batch to a batch, with an explicit backward pass and the parameters
 * it owns. Encoders, decoders and every building block of them are layers.
 *
 * <p>Contract of a pass: {@link #backward} refers to the most recent {@link #forward} call, which
 * must have been made with {@code training == true}; a layer keeps whatever it needs from it. The arrays a layer
 * returns may be buffers it reuses on its next call, so a caller that needs a result to outlive
 * the next pass copies it ({@code dup()}).
 */
public interface Layer {

    /** @return the shape of one input example, without the batch dimension */
    long[] inputShape();

    /** @return the shape of one output example, without the batch dimension */
    long[] outputShape();

    /**
     * Computes the output for a batch.
     *
     * @param input    {@code [N, inputShape...]}
     * @param training whether a {@link #backward} call will follow (layers then keep what it needs)
     * @return {@code [N, outputShape...]}
     */
    INDArray forward(INDArray input, boolean training);

    /**
     * Back-propagates through the last training forward pass: sets the gradient of every
     * {@linkplain #parameters() parameter} (overwriting, not accumulating) and returns the
     * gradient with respect to the input.
     *
     * @param gradOutput         dLoss/dOutput, {@code [N, outputShape...]}
     * @param needInputGradient  false when nobody needs dLoss/dInput (the first layer of an
     *                           encoder), so the layer may skip computing it
     * @return dLoss/dInput {@code [N, inputShape...]}, or {@code null} if not requested
     */
    INDArray backward(INDArray gradOutput, boolean needInputGradient);

    /** @return the trainable parameters, in a stable order; empty for parameter-free layers */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * Named children, for naming parameters in checkpoints ({@code "0.weight"}) and for error
     * messages; a leaf layer has none.
     *
     * @return the sub-layers in order
     */
    default List<Layer> children() {
        return List.of();
    }

    /** @return a short description such as {@code "Dense(784 -> 400)"} */
    default String describe() {
        return getClass().getSimpleName();
    }
}
