package org.vae4j.engine.layers.conv;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vae4j.api.Layer;
import org.vae4j.api.Parameter;
import org.vae4j.api.Pass;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Allocations;
import org.vae4j.engine.layers.Scratch;
import org.vae4j.engine.layers.ShapeMismatchException;
import org.vae4j.engine.layers.Shapes;

/**
 * A 2-d transposed convolution (the adjoint of {@link Conv2d}, sometimes called deconvolution)
 * of NCHW batches, as PyTorch's {@code nn.ConvTranspose2d}: output size
 * {@code (H - 1) stride - 2 padding + dilation (kernel - 1) + outputPadding + 1}, weight stored
 * {@code [in, out/groups, kH, kW]} and bias {@code [out]} as PyTorch stores them, and PyTorch's
 * default initialization, whose fan-in is computed from the weight's second dimension,
 * {@code out/groups*kH*kW}.
 *
 * <p>The forward pass is one GEMM per group, {@code columns = W^T x}, into a column matrix
 * {@code [out*kH*kW, N*H*W]}, then col2im onto the output, which sums overlapping taps and drops
 * those in the padding. The output size is given to col2im directly, which is how output padding
 * works here; libnd4j's {@code deconv2d} has no output padding and no groups. The backward pass
 * is im2col of the output gradient, then dW = x G^T and dx = W G, one GEMM per group each.
 *
 * <p>That path is the reference: DOUBLE batches (the gradient checks), channel groups and dilation take it.
 * FLOAT batches with one group go first to the build's {@link ConvolutionKernels}, which take the
 * padding and output padding as oneDNN does (a smaller padding after than before); without them
 * they run on libnd4j's {@code deconv2d} and {@code deconv2d_bp}
 * ({@link ConvOps}), which the oneDNN build of nd4j-native executes on oneDNN: unpadded, into the
 * full output, which is then cropped to {@code [padding, padding + size)}; the gradient is
 * zero-padded back. (When the output padding exceeds the padding, the crop would reach past the
 * full output, and the reference path runs.)
 */
public final class ConvTranspose2d implements Layer {
    private final long inChannels;
    private final long outChannels;
    private final long height;
    private final long width;
    private final long groups;
    private final long outH;
    private final long outW;
    private final String description;
    private final Parameter weight;
    private final Parameter bias;
    private final Size2d kernel;
    private final Size2d stride;
    private final Size2d padding;
    private final Size2d outputPadding;
    private final Size2d dilation;
    /** The rows of the column matrix, out*kH*kW. */
    private final long columnRows;

    /** A pass's buffers and, after a training run, its input as rows. */
    private final class State {
        // the output is the image that the adjoint convolution unfolds, at the input's positions
        final Im2Col im2col = new Im2Col(outChannels, outH, outW, kernel, stride, padding, dilation, height, width);
        final Scratch inputRows = new Scratch();
        final Scratch output = new Scratch();
        final Scratch gradRows = new Scratch();
        final Scratch gradInput = new Scratch();
        final Scratch biasGradient = new Scratch();
        final Scratch full = new Scratch();
        final Scratch gradFull = new Scratch();
        final Scratch gradWeight = new Scratch();
        INDArray input2;
        /** The input of the last training run on the native path; null after one on the im2col path. */
        INDArray input;
        /** Whether the last training run's native pass ran on {@link ConvolutionKernels}, padding included. */
        boolean padded;
        long batch = -1;
    }

    /** Whether FLOAT batches run on libnd4j's ops ({@link ConvOps}); tests turn it off to compare. */
    private boolean nativeOps = true;
    /** The full (unpadded) output size of the native path. */
    private final long fullH;
    private final long fullW;

    /**
     * A transposed convolution with every option of PyTorch's {@code nn.ConvTranspose2d}.
     *
     * @param inputShape    the per-example input {@code [in channels, H, W]}
     * @param outChannels   the output channels
     * @param kernel        the kernel size
     * @param stride        the stride, >= 1
     * @param padding       the rows and columns removed from each side of the full output, >= 0
     * @param outputPadding the rows and columns added at the bottom and right, smaller than the
     *                      stride or the dilation (it picks one of the input sizes a strided
     *                      {@link Conv2d} maps to the same output size)
     * @param dilation      the spacing between kernel taps, >= 1
     * @param groups        the channel groups; both channel counts must be multiples of it
     * @param bias          whether to add a learned bias per output channel
     * @param init          how to draw the first weights and bias
     * @param type          the floating-point type
     * @param random        the random stream for initialization
     * @throws ShapeMismatchException if the configuration does not fit the input, naming the sizes
     */
    public ConvTranspose2d(long[] inputShape, long outChannels, Size2d kernel, Size2d stride, Size2d padding,
            Size2d outputPadding, Size2d dilation, long groups, boolean bias, Initializer init, DataType type,
            Random random) {
        String name = "ConvTranspose2d(" + (inputShape != null && inputShape.length > 0 ? inputShape[0] : "?")
                + " -> " + outChannels + ", kernel " + kernel + ", stride " + stride + ", padding " + padding
                + (outputPadding != null && !outputPadding.equals(Size2d.of(0))
                        ? ", output padding " + outputPadding : "")
                + (dilation != null && !dilation.equals(Size2d.of(1)) ? ", dilation " + dilation : "")
                + (groups != 1 ? ", groups " + groups : "") + ")";
        long[] in = ConvArithmetic.requireImage(name, inputShape);
        ConvArithmetic.requireAtLeast(name, "kernel", kernel, 1);
        ConvArithmetic.requireAtLeast(name, "stride", stride, 1);
        ConvArithmetic.requireAtLeast(name, "padding", padding, 0);
        ConvArithmetic.requireAtLeast(name, "output padding", outputPadding, 0);
        ConvArithmetic.requireAtLeast(name, "dilation", dilation, 1);
        if (outputPadding.h() >= Math.max(stride.h(), dilation.h())
                || outputPadding.w() >= Math.max(stride.w(), dilation.w())) {
            throw new ShapeMismatchException(name + ": output padding " + outputPadding
                    + " must be smaller than the stride " + stride + " or the dilation " + dilation);
        }
        if (outChannels < 1 || groups < 1 || in[0] % groups != 0 || outChannels % groups != 0) {
            throw new ShapeMismatchException(name + ": in channels " + in[0] + " and out channels " + outChannels
                    + " must be positive multiples of groups " + groups);
        }
        long oh = ConvArithmetic.transposedOutput(in[1], kernel.h(), stride.h(), padding.h(), outputPadding.h(),
                dilation.h());
        long ow = ConvArithmetic.transposedOutput(in[2], kernel.w(), stride.w(), padding.w(), outputPadding.w(),
                dilation.w());
        if (oh < 1 || ow < 1) {
            throw new ShapeMismatchException(name + ": output size " + oh + "x" + ow + " for input " + in[1] + "x"
                    + in[2] + " is not positive; padding " + padding + " removes more than the full output "
                    + (oh + 2 * padding.h() - outputPadding.h()) + "x" + (ow + 2 * padding.w() - outputPadding.w()));
        }
        this.inChannels = in[0];
        this.outChannels = outChannels;
        this.height = in[1];
        this.width = in[2];
        this.groups = groups;
        this.outH = oh;
        this.outW = ow;
        this.description = name.substring(0, name.length() - 1) + "; " + inChannels + "x" + height + "x" + width
                + " -> " + outChannels + "x" + outH + "x" + outW + ")";
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.outputPadding = outputPadding;
        this.dilation = dilation;
        this.fullH = (height - 1) * stride.h() + dilation.h() * (kernel.h() - 1) + 1;
        this.fullW = (width - 1) * stride.w() + dilation.w() * (kernel.w() - 1) + 1;
        // checks the geometry once
        this.columnRows = new Im2Col(outChannels, outH, outW, kernel, stride, padding, dilation, height, width).rows();
        long fanIn = outChannels / groups * kernel.h() * kernel.w();
        long fanOut = inChannels * kernel.h() * kernel.w();
        Allocations.require(description, inChannels * fanIn, type);
        INDArray w = Nd4j.createUninitialized(type,
                new long[] {inChannels, outChannels / groups, kernel.h(), kernel.w()}, 'c');
        init.weights(w, fanIn, fanOut, random);
        this.weight = new Parameter("weight", w);
        if (bias) {
            INDArray b = Nd4j.createUninitialized(type, new long[] {outChannels}, 'c');
            init.bias(b, fanIn, random);
            this.bias = new Parameter("bias", b);
        } else {
            this.bias = null;
        }
    }

    /**
     * The common case: square kernel, no dilation, one group, with bias, as
     * {@code nn.ConvTranspose2d(in, out, kernel, stride=stride, padding=padding, output_padding=outputPadding)}.
     *
     * @param inputShape    the per-example input {@code [in channels, H, W]}
     * @param outChannels   the output channels
     * @param kernel        the kernel height and width
     * @param stride        the stride
     * @param padding       the padding removed from each side
     * @param outputPadding the size added at the bottom and right
     * @param init          how to draw the first weights and bias
     * @param type          the floating-point type
     * @param random        the random stream for initialization
     */
    public ConvTranspose2d(long[] inputShape, long outChannels, long kernel, long stride, long padding,
            long outputPadding, Initializer init, DataType type, Random random) {
        this(inputShape, outChannels, Size2d.of(kernel), Size2d.of(stride), Size2d.of(padding),
                Size2d.of(outputPadding), Size2d.of(1), 1, true, init, type, random);
    }

    @Override
    public long[] inputShape() {
        return new long[] {inChannels, height, width};
    }

    @Override
    public long[] outputShape() {
        return new long[] {outChannels, outH, outW};
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {
        if (x.rank() != 4 || x.size(1) != inChannels || x.size(2) != height || x.size(3) != width) {
            throw new ShapeMismatchException(describe() + ": expects input [N, " + inChannels + ", " + height + ", "
                    + width + "], got " + Shapes.show(x.shape()));
        }
        DataType type = weight.value().dataType();
        if (x.dataType() != type) {
            throw new IllegalArgumentException(describe() + ": input is " + x.dataType() + ", weights are " + type);
        }
        State s = pass.state(this, State::new);
        long n = x.size(0);
        if (nativePath(type)) {
            INDArray y = s.output.get(type, n, outChannels, outH, outW);
            boolean padded = ConvOps.deconv2dPadded(x, weight.value(), bias == null ? null : bias.value(), y, kernel,
                    stride, padding, outputPadding, dilation);
            if (padded) {
                // done, output padding and all
            } else if (direct()) {
                ConvOps.deconv2d(x, weight.value(), bias == null ? null : bias.value(), y, kernel, stride, padding,
                        dilation);
            } else {
                INDArray full = s.full.get(type, n, outChannels, fullH, fullW);
                ConvOps.deconv2d(x, weight.value(), bias == null ? null : bias.value(), full, kernel, stride,
                        Size2d.of(0), dilation);
                y.assign(crop(full));
            }
            if (pass.isTraining()) {
                s.input = x;
                s.padded = padded;
                s.input2 = null;
                s.batch = n;
            }
            return y;
        }
        INDArray x4 = s.inputRows.get(type, inChannels, n, height, width);
        x4.assign(x.permute(1, 0, 2, 3));
        INDArray x2 = x4.reshape('c', inChannels, n * height * width);
        INDArray cols = s.im2col.columns(type, n);
        GroupedGemm.gemm(weightMatrix(weight.value()), x2, cols, groups, true, false, 0.0);
        INDArray y = s.output.get(type, n, outChannels, outH, outW);
        s.im2col.fold(cols, y);
        if (bias != null) {
            Nd4j.exec(new BroadcastAddOp(y, bias.value(), y, 1));
        }
        if (pass.isTraining()) {
            s.input2 = x2;
            s.input = null;
            s.batch = n;
        }
        return y;
    }

    private boolean nativePath(DataType type) {
        return nativeOps && groups == 1 && dilation.equals(Size2d.of(1)) && ConvOps.serves(type) && padding.h() + outH <= fullH
                && padding.w() + outW <= fullW;
    }

    /** @return whether deconv2d's own padding gives the output (no output padding to add) */
    private boolean direct() {
        return padding.h() * 2 + outH == fullH && padding.w() * 2 + outW == fullW;
    }

    /** The output's window of the full output. */
    private INDArray crop(INDArray full) {
        return full.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(padding.h(), padding.h() + outH),
                NDArrayIndex.interval(padding.w(), padding.w() + outW));
    }

    /** Makes FLOAT batches take the im2col path too, so tests can compare the two. */
    void useReferencePath() {
        nativeOps = false;
    }

    @Override
    public INDArray backward(INDArray gradOutput, Pass pass, boolean needInputGradient) {
        State s = pass.state(this, State::new);
        if (s.input2 == null && s.input == null) {
            throw new IllegalStateException(describe() + ": backward without a training forward pass");
        }
        long n = s.batch;
        ConvArithmetic.requireGradient(describe(), gradOutput, n, outChannels, outH, outW);
        DataType type = gradOutput.dataType();
        if (s.input != null) {
            INDArray dx = s.gradInput.get(type, n, inChannels, height, width);
            INDArray dw = s.gradWeight.get(type, weight.value().shape());
            INDArray db = bias == null ? null : s.biasGradient.get(type, outChannels);
            if (s.padded && ConvOps.deconv2dPaddedBackward(s.input, weight.value(), gradOutput,
                    needInputGradient ? dx : null, dw, db, kernel, stride, padding, outputPadding, dilation)) {
                // done
            } else if (direct()) {
                ConvOps.deconv2dBackward(s.input, weight.value(), bias == null ? null : bias.value(), gradOutput, dx,
                        dw, db, kernel, stride, padding, dilation);
            } else {
                INDArray gradFull = s.gradFull.get(type, n, outChannels, fullH, fullW);
                gradFull.assign(0);
                crop(gradFull).assign(gradOutput);
                ConvOps.deconv2dBackward(s.input, weight.value(), bias == null ? null : bias.value(), gradFull, dx,
                        dw, db, kernel, stride, Size2d.of(0), dilation);
            }
            weight.gradient().addi(dw);
            if (bias != null) {
                bias.gradient().addi(db);
            }
            return needInputGradient ? dx : null;
        }
        INDArray gcols = s.im2col.unfold(gradOutput);
        GroupedGemm.gemm(s.input2, gcols, weightMatrix(weight.gradient()), groups, false, true, 1.0);
        if (bias != null) {
            INDArray db = s.biasGradient.get(type, outChannels);
            gradOutput.sum(db, 0, 2, 3);
            bias.gradient().addi(db);
        }
        if (!needInputGradient) {
            return null;
        }
        INDArray dx4 = s.gradRows.get(type, inChannels, n, height, width);
        GroupedGemm.gemm(weightMatrix(weight.value()), gcols, dx4.reshape('c', inChannels, n * height * width),
                groups, false, false, 0.0);
        INDArray dx = s.gradInput.get(type, n, inChannels, height, width);
        dx.assign(dx4.permute(1, 0, 2, 3));
        return dx;
    }

    /** The weight {@code [in, out/groups, kH, kW]} as the matrix {@code [in, out/groups*kH*kW]}. */
    private INDArray weightMatrix(INDArray w) {
        return GroupedGemm.matrix(w, inChannels, columnRows / groups);
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    @Override
    public String describe() {
        return description;
    }
}
