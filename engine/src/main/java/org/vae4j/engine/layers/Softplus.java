package org.vae4j.engine.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SoftPlusBp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SoftPlus;
import org.nd4j.linalg.factory.Nd4j;

/** log(1 + exp(x)), whose derivative is the sigmoid. */
public final class Softplus extends Activation {
    /** @param shape the per-example shape */
    public Softplus(long... shape) {
        super(shape);
    }

    @Override
    protected void apply(INDArray x, INDArray out, State state, boolean training) {
        Nd4j.exec(new SoftPlus(x, out));
    }

    @Override
    protected void derivative(State state, INDArray gradOutput, INDArray gradInput) {
        Nd4j.exec(new SoftPlusBp(state.input, gradOutput, gradInput));
    }
}
