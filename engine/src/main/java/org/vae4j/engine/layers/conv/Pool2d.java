package org.vae4j.engine.layers.conv;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.api.Pass;
import org.vae4j.engine.layers.Scratch;
import org.vae4j.engine.layers.ShapeMismatchException;
import org.vae4j.engine.layers.Shapes;

/**
 * Floor-mode 2-d pooling of NCHW batches through libnd4j's pooling ops and their backward ops,
 * with PyTorch's output size and its rule that the padding is at most half the kernel (so no
 * window lies wholly in the padding). Subclasses name the ops and their mode argument.
 */
public abstract sealed class Pool2d implements Layer permits AvgPool2d, MaxPool2d {
    private final long channels;
    private final long height;
    private final long width;
    private final long outH;
    private final long outW;
    private final Size2d kernel;
    private final Size2d stride;
    private final Size2d padding;
    private final int[] opArgs;
    private final String description;

    /** A pass's buffers and, after a training run, its input. */
    private static final class State {
        final Scratch output = new Scratch();
        final Scratch gradInput = new Scratch();
        INDArray input;
    }

    /**
     * @param kind       the layer's name, such as {@code "MaxPool2d"}
     * @param inputShape the per-example input {@code [C, H, W]}
     * @param kernel     the window size
     * @param stride     the step between windows (PyTorch's default is the kernel size)
     * @param padding    the implicit padding on each side, at most half the kernel
     * @param mode       the op's mode argument (libnd4j's {@code extraParam0})
     */
    Pool2d(String kind, long[] inputShape, Size2d kernel, Size2d stride, Size2d padding, int mode) {
        String name = kind + "(kernel " + kernel + ", stride " + stride + ", padding " + padding + ")";
        long[] in = ConvArithmetic.requireImage(name, inputShape);
        ConvArithmetic.requireAtLeast(name, "kernel", kernel, 1);
        ConvArithmetic.requireAtLeast(name, "stride", stride, 1);
        ConvArithmetic.requireAtLeast(name, "padding", padding, 0);
        if (2 * padding.h() > kernel.h() || 2 * padding.w() > kernel.w()) {
            throw new ShapeMismatchException(name + ": padding " + padding + " must be at most half the kernel "
                    + kernel);
        }
        Size2d out = ConvArithmetic.convOutput(name, in[1], in[2], kernel, stride, padding, Size2d.of(1));
        this.channels = in[0];
        this.height = in[1];
        this.width = in[2];
        this.outH = out.h();
        this.outW = out.w();
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        // kH, kW, sH, sW, pH, pW, dH, dW, 0 = explicit padding, mode, 0 = NCHW
        this.opArgs = new int[] {Math.toIntExact(kernel.h()), Math.toIntExact(kernel.w()),
                Math.toIntExact(stride.h()), Math.toIntExact(stride.w()), Math.toIntExact(padding.h()),
                Math.toIntExact(padding.w()), 1, 1, 0, mode, 0};
        this.description = name.substring(0, name.length() - 1) + "; " + channels + "x" + height + "x" + width
                + " -> " + channels + "x" + outH + "x" + outW + ")";
    }

    /** @return the window size */
    public Size2d kernel() {
        return kernel;
    }

    /** @return the step between windows */
    public Size2d stride() {
        return stride;
    }

    /** @return the implicit padding on each side */
    public Size2d padding() {
        return padding;
    }

    /** @return the libnd4j forward op, such as {@code "maxpool2d"} */
    abstract String forwardOp();

    /** @return the libnd4j backward op, such as {@code "maxpool2d_bp"} */
    abstract String backwardOp();

    @Override
    public long[] inputShape() {
        return new long[] {channels, height, width};
    }

    @Override
    public long[] outputShape() {
        return new long[] {channels, outH, outW};
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {
        if (x.rank() != 4 || x.size(1) != channels || x.size(2) != height || x.size(3) != width) {
            throw new ShapeMismatchException(describe() + ": expects input [N, " + channels + ", " + height + ", "
                    + width + "], got " + Shapes.show(x.shape()));
        }
        State s = pass.state(this, State::new);
        INDArray y = s.output.get(x.dataType(), x.size(0), channels, outH, outW);
        Nd4j.exec(DynamicCustomOp.builder(forwardOp()).addInputs(x).addOutputs(y).addIntegerArguments(opArgs).build());
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
        if (!needInputGradient) {
            return null;
        }
        INDArray gx = s.gradInput.get(gradOutput.dataType(), s.input.shape());
        Nd4j.exec(DynamicCustomOp.builder(backwardOp()).addInputs(s.input, gradOutput).addOutputs(gx)
                .addIntegerArguments(opArgs).build());
        return gx;
    }

    @Override
    public String describe() {
        return description;
    }
}
