package org.vae4j.engine.optim;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.engine.params.ParameterStore;

/** Updates a model's parameters from their gradients. State is kept per flat parameter vector. */
public interface Optimizer {

    /**
     * Applies one update to {@code params.values()} from {@code params.gradients()}. The gradient
     * vector may be overwritten.
     *
     * @param params the model's parameters
     */
    void step(ParameterStore params);

    /** @return the number of steps taken so far */
    long iteration();

    /** @return the optimizer's state arrays by name, plus {@code "iteration"}, for checkpoints */
    Map<String, INDArray> state();

    /**
     * Restores state written by {@link #state()}.
     *
     * @param state arrays by name
     * @throws IllegalArgumentException if an array is missing or has the wrong length
     */
    void loadState(Map<String, INDArray> state);
}
