package org.vae4j.engine.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.EluBp;
import org.nd4j.linalg.factory.Nd4j;

/** x for x > 0, alpha * (exp(x) - 1) otherwise. */
public final class ELU extends Activation {
    private final double alpha;

    /**
     * @param alpha the scale of the negative part (PyTorch's default is 1)
     * @param shape the per-example shape
     */
    public ELU(double alpha, long... shape) {
        super(shape);
        this.alpha = alpha;
    }

    @Override
    protected void apply(INDArray x, INDArray out, State state, boolean training) {
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.ELU(x, out, alpha));
    }

    @Override
    protected void derivative(State state, INDArray gradOutput, INDArray gradInput) {
        Nd4j.exec(new EluBp(state.input, gradOutput, gradInput, alpha));
    }

    @Override
    public String describe() {
        return "ELU(" + alpha + ")";
    }
}
