package org.vae4j.api.optim;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Updates one parameter group from its gradients. The engine keeps every group's parameters in
 * one flat value vector and one flat gradient vector, so an optimizer sees two vectors of equal
 * length; it keeps its own state (moments, step count) between steps and hands it to checkpoints.
 * A spec names an optimizer's provider in {@code "optimizer": {"type": ...}}.
 */
@org.vae4j.api.spi.ComponentKind("optimizer")
public interface Optimizer {

    /**
     * Applies one update.
     *
     * @param values    the group's parameters, a flat FLOAT or DOUBLE vector, updated in place
     * @param gradients their gradients, the same length and type; may be overwritten
     */
    void step(INDArray values, INDArray gradients);

    /**
     * Scales the configured learning rate from the next step on; the trainer calls it before every
     * step of a parameter group whose spec names a {@link LearningRateSchedule}. Optimizers
     * without a learning rate keep this default, which accepts only 1 (the spec is refused before
     * training when such an optimizer is given a schedule).
     *
     * @param factor the factor, finite and {@code >= 0}
     * @throws UnsupportedOperationException if the optimizer has no learning rate to scale
     */
    default void learningRateFactor(double factor) {
        if (factor != 1) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " has no learning rate to schedule");
        }
    }

    /** @return the learning rate of the next step (after any schedule), or NaN if it has none */
    default double learningRate() {
        return Double.NaN;
    }

    /** @return the number of steps taken so far */
    long iteration();

    /** @return the state arrays by name, plus {@code "iteration"}, for checkpoints */
    Map<String, INDArray> state();

    /**
     * Restores state written by {@link #state()}.
     *
     * @param state arrays by name
     * @throws IllegalArgumentException if an array is missing or does not fit the group
     */
    void loadState(Map<String, INDArray> state);
}
