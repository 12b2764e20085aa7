package org.vae4j.engine.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.factory.Nd4j;

/** x for x > 0, slope * x otherwise. */
public final class LeakyReLU extends Activation {
    /** PyTorch's default slope for negative inputs. */
    public static final double DEFAULT_SLOPE = 0.01;
    private final double slope;

    /**
     * @param slope the slope for negative inputs (PyTorch's default is 0.01)
     * @param shape the per-example shape
     */
    public LeakyReLU(double slope, long... shape) {
        super(shape);
        this.slope = slope;
    }

    @Override
    protected void apply(INDArray x, INDArray out, State state, boolean training) {
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU(x, out, slope));
    }

    @Override
    protected void derivative(State state, INDArray gradOutput, INDArray gradInput) {
        Nd4j.exec(new LeakyReLUBp(state.input, gradOutput, gradInput, slope));
    }

    @Override
    public String describe() {
        return "LeakyReLU(" + slope + ")";
    }
}
