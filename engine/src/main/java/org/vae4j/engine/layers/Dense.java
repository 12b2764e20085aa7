package org.vae4j.engine.layers;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.api.Parameter;
import org.vae4j.api.Pass;
import org.vae4j.engine.init.Initializer;

/**
 * A fully connected layer y = x W + b, with W stored {@code [in, out]} (the transpose of
 * PyTorch's {@code nn.Linear.weight}) so that the forward pass is one GEMM without transposes.
 *
 * <p>The backward pass adds dW = x^T g (a GEMM with transpose flags that accumulates into the
 * gradient array) and db = the sum over the batch of g to the parameters' gradients, and skips
 * dx = g W^T when nobody needs it (the first layer of an encoder), which saves a third of this
 * layer's backward work.
 */
public final class Dense implements Layer {
    private final long in;
    private final long out;
    private final Parameter weight;
    private final Parameter bias;

    /** A pass's buffers and, after a training run, its input. */
    private static final class State {
        final Scratch output = new Scratch();
        final Scratch gradInput = new Scratch();
        final Scratch biasGradient = new Scratch();
        INDArray input;
    }

    /**
     * @param in     input features
     * @param out    output features
     * @param init   how to draw the first weights
     * @param type   the floating-point type
     * @param random the random stream for initialization
     */
    public Dense(long in, long out, Initializer init, DataType type, Random random) {
        if (in < 1 || out < 1) {
            throw new ShapeMismatchException("Dense(" + in + " -> " + out + "): sizes must be >= 1");
        }
        Allocations.require("Dense(" + in + " -> " + out + ")", in * out, type);
        this.in = in;
        this.out = out;
        INDArray w = Nd4j.createUninitialized(type, new long[] {in, out}, 'c');
        INDArray b = Nd4j.createUninitialized(type, new long[] {1, out}, 'c');
        init.weights(w, in, out, random);
        init.bias(b, in, random);
        this.weight = new Parameter("weight", w);
        this.bias = new Parameter("bias", b);
    }

    @Override
    public long[] inputShape() {
        return new long[] {in};
    }

    @Override
    public long[] outputShape() {
        return new long[] {out};
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {
        if (x.rank() != 2 || x.size(1) != in) {
            throw new ShapeMismatchException(describe() + ": expects input [N, " + in + "], got "
                    + Shapes.show(x.shape()));
        }
        State s = pass.state(this, State::new);
        INDArray y = s.output.get(x.dataType(), x.size(0), out);
        Gemm.affine(x, weight.value(), bias.value(), y);
        if (pass.isTraining()) {
            s.input = x;
        }
        return y;
    }

    @Override
    public INDArray backward(INDArray gradOutput, Pass pass, boolean needInputGradient) {
        State s = pass.state(this, State::new);
        if (s.input == null) {
            throw new IllegalStateException(describe() + ": backward without a training forward pass");
        }
        Gemm.gemm(s.input, gradOutput, weight.gradient(), true, false, 1.0, 1.0);
        INDArray db = s.biasGradient.get(gradOutput.dataType(), out);
        gradOutput.sum(db, 0);
        bias.gradient().reshape(out).addi(db);
        if (!needInputGradient) {
            return null;
        }
        INDArray gx = s.gradInput.get(gradOutput.dataType(), gradOutput.size(0), in);
        Gemm.gemm(gradOutput, weight.value(), gx, false, true, 1.0, 0.0);
        return gx;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public String describe() {
        return "Dense(" + in + " -> " + out + ")";
    }
}
