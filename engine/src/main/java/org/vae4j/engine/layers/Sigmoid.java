package org.vae4j.engine.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.factory.Nd4j;

/** The logistic function 1 / (1 + exp(-x)). */
public final class Sigmoid extends Activation {
    /** @param shape the per-example shape */
    public Sigmoid(long... shape) {
        super(shape);
    }

    @Override
    protected void apply(INDArray x, INDArray out, State state, boolean training) {
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid(x, out));
    }

    @Override
    protected void derivative(State state, INDArray gradOutput, INDArray gradInput) {
        Nd4j.exec(new SigmoidDerivative(state.input, gradOutput, gradInput));
    }
}
