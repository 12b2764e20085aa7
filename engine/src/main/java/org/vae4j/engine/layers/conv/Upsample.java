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
 * Nearest-neighbour upsampling of NCHW batches by whole factors, as PyTorch's
 * {@code nn.Upsample(scale_factor=s, mode="nearest")}: every pixel becomes an sH x sW block, and
 * the backward pass sums each block's gradient (libnd4j's {@code upsampling2d} and
 * {@code upsampling2d_bp}).
 */
public final class Upsample implements Layer {
    /** The ops' layout argument for NCHW. */
    private static final int NCHW = 1;
    private final long channels;
    private final long height;
    private final long width;
    private final Size2d scale;
    private final String description;

    /** A pass's buffers and, after a training run, its input. */
    private static final class State {
        final Scratch output = new Scratch();
        final Scratch gradInput = new Scratch();
        INDArray input;
    }

    /**
     * @param inputShape the per-example input {@code [C, H, W]}
     * @param scale      the whole factors along height and width, >= 1
     * @throws ShapeMismatchException if the input shape or scale is invalid
     */
    public Upsample(long[] inputShape, Size2d scale) {
        String name = "Upsample(scale " + scale + ", nearest)";
        long[] in = ConvArithmetic.requireImage(name, inputShape);
        ConvArithmetic.requireAtLeast(name, "scale", scale, 1);
        this.channels = in[0];
        this.height = in[1];
        this.width = in[2];
        this.scale = scale;
        this.description = "Upsample(scale " + scale + ", nearest; " + channels + "x" + height + "x" + width + " -> "
                + channels + "x" + height * scale.h() + "x" + width * scale.w() + ")";
    }

    /**
     * @param inputShape the per-example input {@code [C, H, W]}
     * @param scale      the whole factor along both axes
     */
    public Upsample(long[] inputShape, long scale) {
        this(inputShape, Size2d.of(scale));
    }

    @Override
    public long[] inputShape() {
        return new long[] {channels, height, width};
    }

    @Override
    public long[] outputShape() {
        return new long[] {channels, height * scale.h(), width * scale.w()};
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {
        if (x.rank() != 4 || x.size(1) != channels || x.size(2) != height || x.size(3) != width) {
            throw new ShapeMismatchException(describe() + ": expects input [N, " + channels + ", " + height + ", "
                    + width + "], got " + Shapes.show(x.shape()));
        }
        State s = pass.state(this, State::new);
        INDArray y = s.output.get(x.dataType(), x.size(0), channels, height * scale.h(), width * scale.w());
        Nd4j.exec(DynamicCustomOp.builder("upsampling2d").addInputs(x).addOutputs(y)
                .addIntegerArguments(Math.toIntExact(scale.h()), Math.toIntExact(scale.w()), NCHW).build());
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
        // the op reads only the shape of its first input
        Nd4j.exec(DynamicCustomOp.builder("upsampling2d_bp").addInputs(s.input, gradOutput).addOutputs(gx)
                .addIntegerArguments(NCHW).build());
        return gx;
    }

    @Override
    public String describe() {
        return description;
    }
}
