package org.vae4j.engine.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.Layer;
import org.vae4j.api.Pass;

/**
 * An element-wise nonlinearity. Subclasses give the function and its backward; this class keeps,
 * per {@link Pass}, the input and output of the last training run and the reusable buffers.
 */
public abstract class Activation implements Layer {
    private final long[] shape;

    /** What one pass keeps: the buffers and, after a training run, its input and output. */
    protected static class State {
        final Scratch outputBuffer = new Scratch();
        final Scratch gradInputBuffer = new Scratch();
        /** The input of the last training run. */
        protected INDArray input;
        /** The output of the last training run. */
        protected INDArray output;
    }

    /** @param shape the per-example shape, which an activation keeps */
    protected Activation(long[] shape) {
        this.shape = shape.clone();
    }

    /** @return a new per-pass state; subclasses that keep more return a subclass */
    protected State newState() {
        return new State();
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
    public INDArray forward(INDArray x, Pass pass) {
        State s = pass.state(this, this::newState);
        INDArray out = s.outputBuffer.like(x);
        apply(x, out, s, pass.isTraining());
        if (pass.isTraining()) {
            s.input = x;
            s.output = out;
        }
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOutput, Pass pass, boolean needInputGradient) {
        State s = pass.state(this, this::newState);
        if (s.input == null) {
            throw new IllegalStateException(describe() + ": backward without a training forward pass");
        }
        if (!needInputGradient) {
            return null;
        }
        INDArray g = s.gradInputBuffer.like(gradOutput);
        derivative(s, gradOutput, g);
        return g;
    }

    /**
     * @param x        the input
     * @param out      where to write f(x), same shape
     * @param state    this pass's state
     * @param training whether a backward pass may follow
     */
    protected abstract void apply(INDArray x, INDArray out, State state, boolean training);

    /**
     * Writes {@code gradOutput * f'(input)} into {@code gradInput}.
     *
     * @param state      this pass's state: the input and output of its last training run
     * @param gradOutput dLoss/dOutput
     * @param gradInput  where to write dLoss/dInput
     */
    protected abstract void derivative(State state, INDArray gradOutput, INDArray gradInput);

    @Override
    public String describe() {
        return getClass().getSimpleName();
    }
}
