package org.vae4j.api.model;

import org.vae4j.api.data.Batch;

/**
 * One part of a training iteration that trains one parameter group: the engine zeroes that
 * group's gradients, calls {@link #step}, checks the metrics are finite, clips the gradients and
 * lets the group's optimizer step.
 */
public interface TrainingPhase {

    /** @return a name for messages, e.g. {@code elbo}, {@code discriminator} */
    String name();

    /** @return the name of the {@link ParameterGroup} whose gradients {@link #step} computes */
    String group();

    /**
     * @return whether the phase takes a fresh batch of training data; one that does not (a GAN's
     *         generator phase) gets the batch of the phase before it
     */
    default boolean consumesBatch() {
        return true;
    }

    /**
     * Forward and backward pass: adds the gradients of the loss to the group's parameters (which
     * the engine zeroed) and reports what happened.
     *
     * @param batch   the training batch
     * @param context where training is and the stream for noise
     * @return the batch's metrics as sums; {@link Metrics#LOSS} should be the loss minimized
     */
    Metrics step(Batch batch, StepContext context);
}
