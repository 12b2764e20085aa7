package org.vae4j.engine.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.Layer;

/**
 * An element-wise nonlinearity. Subclasses give the function and its backward; this class keeps
 * the input of the last training pass and the reusable output buffers.
 */
public abstract class Activation implements Layer {
    private final long[] shape;
    private final Scratch output = new Scratch();
    private final Scratch gradInput = new Scratch();
    /** The input of the last training forward pass. */
    protected INDArray input;
    /** The output of the last training forward pass. */
    protected INDArray lastOutput;

    /** @param shape the per-example shape, which an activation keeps */
    protected Activation(long[] shape) {
        this.shape = shape.clone();
    }

    @Override
    public long[] inputShape() {
        return shape.clone();
    }

    @Override
    public long[] outputShape() {
        return shape.clone();
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray out = output.like(x);
        apply(x, out);
        if (training) {
            input = x;
            lastOutput = out;
        }
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        if (input == null) {
            throw new IllegalStateException(describe() + ": backward without a training forward pass");
        }
        if (!needInputGradient) {
            return null;
        }
        INDArray g = gradInput.like(gradOutput);
        derivative(gradOutput, g);
        return g;
    }

    /**
     * @param x   the input
     * @param out where to write f(x), same shape
     */
    protected abstract void apply(INDArray x, INDArray out);

    /**
     * Writes {@code gradOutput * f'(input)} into {@code gradInput}, using {@link #input} or
     * {@link #lastOutput}.
     *
     * @param gradOutput dLoss/dOutput
     * @param gradInput  where to write dLoss/dInput
     */
    protected abstract void derivative(INDArray gradOutput, INDArray gradInput);

    @Override
    public String describe() {
        return getClass().getSimpleName();
    }
}
