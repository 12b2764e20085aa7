package org.vae4j.engine.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
import org.nd4j.linalg.factory.Nd4j;

/** max(0, x). The derivative at 0 is taken as 0, as PyTorch does. */
public final class ReLU extends Activation {
    /** @param shape the per-example shape */
    public ReLU(long... shape) {
        super(shape);
    }

    @Override
    protected void apply(INDArray x, INDArray out) {
        Nd4j.exec(new RectifiedLinear(x, out, 0.0));
    }

    @Override
    protected void derivative(INDArray gradOutput, INDArray gradInput) {
        Nd4j.exec(new ThresholdReluBp(input, gradOutput, gradInput, 0.0));
    }
}
