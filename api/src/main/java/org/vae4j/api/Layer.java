package org.vae4j.api;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A differentiable map from a batch to a batch, with an explicit backward pass and the parameters
 * it owns. Encoders, decoders, discriminators and every building block of them are layers.
 *
 * <p>Contract of a pass: a layer keeps what a run needs in the {@link Pass} it is given, never in
 * its own fields, so the same layer can run several times per training step with a pass each.
 * {@link #backward} refers to the most recent {@link #forward} call with the same pass, which must
 * be a {@linkplain Pass#training() training pass}. Backward passes <em>add</em> to the gradients of
 * the layer's parameters (the caller zeroes them before a step), so the gradients of several runs
 * sum up. The arrays a layer returns may be buffers of the pass that its next run with that pass
 * overwrites; a caller that needs a result to outlive it copies it ({@code dup()}).
 */
public interface Layer {

    /** @return the shape of one input example, without the batch dimension */
    long[] inputShape();

    /** @return the shape of one output example, without the batch dimension */
    long[] outputShape();

    /**
     * Computes the output for a batch.
     *
     * @param input {@code [N, inputShape...]}
     * @param pass  the run this is part of; a training pass keeps what {@link #backward} needs
     * @return {@code [N, outputShape...]}
     */
    INDArray forward(INDArray input, Pass pass);

    /**
     * Back-propagates through the last forward run with {@code pass}: adds dLoss/dParameter to the
     * gradient of every {@linkplain #parameters() parameter} and returns the gradient with respect to
     * the input.
     *
     * @param gradOutput        dLoss/dOutput, {@code [N, outputShape...]}
     * @param pass              the training pass of the forward run
     * @param needInputGradient false when nobody needs dLoss/dInput (the first layer of an
     *                          encoder), so the layer may skip computing it
     * @return dLoss/dInput {@code [N, inputShape...]}, or {@code null} if not requested
     */
    INDArray backward(INDArray gradOutput, Pass pass, boolean needInputGradient);

    /** @return the trainable parameters, in a stable order; empty for parameter-free layers */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** @return state that is not trained by gradients but saved with the model (running statistics) */
    default List<Buffer> buffers() {
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
