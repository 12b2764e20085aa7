package org.vae4j.engine.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/** max(0, x). The derivative at 0 is taken as 0, as PyTorch does. */
public final class ReLU extends Activation {
    /** @param shape the per-example shape */
    public ReLU(long... shape) {
        super(shape);
    }

    @Override
    protected void apply(INDArray x, INDArray out, State state, boolean training) {
        Nd4j.exec(new RectifiedLinear(x, out, 0.0));
    }

    @Override
    protected void derivative(State state, INDArray gradOutput, INDArray gradInput) {
        // two legacy element-wise ops cost a tenth of ND4J's ThresholdReluBp custom op (BENCHMARKS.md)
        Nd4j.exec(new Step(state.input, gradInput, 0.0));
        gradInput.muli(gradOutput);
    }
}
