package org.vae4j.engine.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import org.nd4j.linalg.factory.Nd4j;

/** The hyperbolic tangent. */
public final class Tanh extends Activation {
    /** @param shape the per-example shape */
    public Tanh(long... shape) {
        super(shape);
    }

    @Override
    protected void apply(INDArray x, INDArray out, State state, boolean training) {
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh(x, out));
    }

    @Override
    protected void derivative(State state, INDArray gradOutput, INDArray gradInput) {
        Nd4j.exec(new TanhDerivative(state.input, gradOutput, gradInput));
    }
}
