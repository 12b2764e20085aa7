package org.vae4j.engine.layers.conv;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.vae4j.api.Layer;
import org.vae4j.api.Pass;
import org.vae4j.engine.layers.Scratch;
import org.vae4j.engine.layers.ShapeMismatchException;
import org.vae4j.engine.layers.Shapes;

/**
 * Gives each example a new shape with the same values in the same (row-major) order, as
 * PyTorch's {@code x.reshape(-1, *shape)}; for example {@code [1024] -> [64, 4, 4]} between a
 * decoder's dense and convolutional parts.
 *
 * <p>For a contiguous batch, the usual case, the output is a view of the input and nothing is
 * copied; otherwise the values are copied into a reusable buffer.
 */
public class Reshape implements Layer {
    private final long[] in;
    private final long[] out;

    /** A pass's buffers and whether it ran for training. */
    private static final class State {
        final Scratch output = new Scratch();
        final Scratch gradInput = new Scratch();
        boolean trained;
    }

    /**
     * @param inputShape  the per-example input shape
     * @param outputShape the per-example output shape, with as many values
     * @throws ShapeMismatchException if the sizes differ or are not positive
     */
    public Reshape(long[] inputShape, long... outputShape) {
        this.in = inputShape.clone();
        this.out = outputShape.clone();
        if (in.length == 0 || out.length == 0 || Shapes.size(in) != Shapes.size(out) || !positive(in)
                || !positive(out)) {
            throw new ShapeMismatchException(describe() + ": cannot reshape " + Shapes.size(in) + " values into "
                    + Shapes.show(out) + " (" + Shapes.size(out) + " values)");
        }
    }

    private static boolean positive(long[] shape) {
        for (long s : shape) {
            if (s < 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long[] inputShape() {
        return in.clone();
    }

    @Override
    public long[] outputShape() {
        return out.clone();
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {
        long[] expected = Shapes.withBatch(x.size(0), in);
        if (!java.util.Arrays.equals(x.shape(), expected)) {
            throw new ShapeMismatchException(describe() + ": expects input " + batchOf(in) + ", got "
                    + Shapes.show(x.shape()));
        }
        State s = pass.state(this, State::new);
        if (pass.isTraining()) {
            s.trained = true;
        }
        return reshape(x, Shapes.withBatch(x.size(0), out), s.output);
    }

    @Override
    public INDArray backward(INDArray gradOutput, Pass pass, boolean needInputGradient) {
        State s = pass.state(this, State::new);
        if (!s.trained) {
            throw new IllegalStateException(describe() + ": backward without a training forward pass");
        }
        if (!needInputGradient) {
            return null;
        }
        return reshape(gradOutput, Shapes.withBatch(gradOutput.size(0), in), s.gradInput);
    }

    private static INDArray reshape(INDArray x, long[] shape, Scratch copy) {
        INDArray view = Shape.newShapeNoCopy(x, shape, false);
        if (view != null) {
            return view;
        }
        INDArray y = copy.get(x.dataType(), shape);
        // a fresh c-order buffer always has a view of the input's shape, so this copies once
        Shape.newShapeNoCopy(y, x.shape(), false).assign(x);
        return y;
    }

    private static String batchOf(long[] example) {
        StringBuilder sb = new StringBuilder("[N");
        for (long s : example) {
            sb.append(", ").append(s);
        }
        return sb.append(']').toString();
    }

    @Override
    public String describe() {
        return getClass().getSimpleName() + "(" + show(in) + " -> " + show(out) + ")";
    }

    private static String show(long[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? "x" : "").append(shape[i]);
        }
        return sb.toString();
    }
}
