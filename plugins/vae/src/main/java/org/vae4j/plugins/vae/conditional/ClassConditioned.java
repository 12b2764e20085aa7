package org.vae4j.plugins.vae.conditional;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vae4j.api.Buffer;
import org.vae4j.api.Decoder;
import org.vae4j.api.Encoder;
import org.vae4j.api.Layer;
import org.vae4j.api.Parameter;
import org.vae4j.api.Pass;
import org.vae4j.engine.layers.Scratch;

/**
 * A network that sees a class label too: its input is {@code [x | onehot(y)]}, the labels set by
 * {@link #labels} before each run. It stands for the wrapped network everywhere (the same
 * parameters, names and buffers), so a conditional model's checkpoint names its networks as an
 * unconditional one's do; the backward pass returns the gradient of {@code x} only.
 */
public final class ClassConditioned implements Encoder, Decoder {
    private final Layer inner;
    private final long width;
    private final int classes;
    private int[] labels;

    /** What a run keeps: its input with the one-hot columns. */
    private static final class State {
        final Scratch joined = new Scratch();
        final Scratch gradient = new Scratch();
    }

    /**
     * @param inner   the network, whose input is {@code width + classes} wide
     * @param width   the width of the input besides the label
     * @param classes K, the number of classes
     */
    public ClassConditioned(Layer inner, long width, int classes) {
        this.inner = inner;
        this.width = width;
        this.classes = classes;
    }

    /**
     * Sets the labels of the next runs, one per row of their input.
     *
     * @param labels the class of each row, each in 0..K-1
     * @throws IllegalArgumentException naming a label out of range
     */
    public void labels(int[] labels) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("example " + i + " has class " + labels[i] + "; the model knows "
                        + classes + " classes, 0 to " + (classes - 1));
            }
        }
        this.labels = labels.clone();
    }

    /** @return K */
    public int classes() {
        return classes;
    }

    @Override
    public long[] inputShape() {
        return new long[] {width};
    }

    @Override
    public long[] outputShape() {
        return inner.outputShape();
    }

    @Override
    public INDArray forward(INDArray input, Pass pass) {
        long n = input.size(0);
        if (labels == null || labels.length != n) {
            throw new IllegalStateException("class-conditioned network: " + (labels == null ? "no labels set"
                    : labels.length + " labels set for " + n + " examples"));
        }
        State s = pass.state(this, State::new);
        INDArray joined = s.joined.get(input.dataType(), n, width + classes);
        joined.get(NDArrayIndex.all(), NDArrayIndex.interval(0, width)).assign(input.reshape(n, width));
        INDArray hot = joined.get(NDArrayIndex.all(), NDArrayIndex.interval(width, width + classes));
        hot.assign(0);
        for (int i = 0; i < n; i++) {
            hot.putScalar(i, labels[i], 1.0);
        }
        return inner.forward(joined, pass);
    }

    @Override
    public INDArray backward(INDArray gradOutput, Pass pass, boolean needInputGradient) {
        INDArray g = inner.backward(gradOutput, pass, needInputGradient);
        if (!needInputGradient) {
            return null;
        }
        State s = pass.state(this, State::new);
        INDArray out = s.gradient.get(g.dataType(), g.size(0), width);
        out.assign(g.get(NDArrayIndex.all(), NDArrayIndex.interval(0, width)));
        return out;
    }

    @Override
    public List<Parameter> parameters() {
        return inner.parameters();
    }

    @Override
    public List<Buffer> buffers() {
        return inner.buffers();
    }

    @Override
    public List<Layer> children() {
        return inner.children();
    }

    @Override
    public String describe() {
        return inner.describe() + " (input: " + width + " + one-hot class of " + classes + ")";
    }

    /**
     * @param labels   one label per example
     * @param repeats  k
     * @return each label repeated k times in a row, as examples' rows are in importance sampling
     */
    public static int[] repeat(int[] labels, int repeats) {
        int[] out = new int[labels.length * repeats];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[i / repeats];
        }
        return out;
    }
}
