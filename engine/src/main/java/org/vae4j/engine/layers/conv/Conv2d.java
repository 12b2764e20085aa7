package org.vae4j.engine.layers.conv;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.api.Parameter;
import org.vae4j.api.Pass;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Allocations;
import org.vae4j.engine.layers.HostFloats;
import org.vae4j.engine.layers.Scratch;
import org.vae4j.engine.layers.ShapeMismatchException;
import org.vae4j.engine.layers.Shapes;

/**
 * A 2-d convolution (cross-correlation) of NCHW batches with stride, zero padding, dilation and
 * channel groups, as PyTorch's {@code nn.Conv2d}: the same output size rule, the weight stored
 * {@code [out, in/groups, kH, kW]} and the bias {@code [out]} exactly as PyTorch stores them (so
 * PyTorch weights load as they are), and PyTorch's default initialization through
 * {@link Initializer#PYTORCH} with fan-in {@code in/groups*kH*kW}.
 *
 * <p>The forward pass is im2col and one GEMM per group: the input becomes a column matrix
 * {@code [in*kH*kW, N*oH*oW]}, the weight is read as {@code [out, in/groups*kH*kW]} without any
 * permutation, and the {@code [out, N*oH*oW]} product is permuted to NCHW and the bias added.
 * The columns are kept, so the backward pass needs no second im2col: dW = G cols^T is one GEMM
 * per group, and dX = col2im(W^T G) is skipped when nobody needs it. For stride 1 (no dilation,
 * one group) dX is instead the convolution of G, padded by {@code kernel - 1 - padding}, with the
 * kernel flipped and its channel axes swapped: an im2col of G and one GEMM, no col2im, whose
 * scattered sums measured 2 to 4 times slower than im2col's strided copies.
 *
 * <p>That im2col path is the reference: DOUBLE batches (the gradient checks) and channel groups
 * take it. FLOAT batches with one group and no dilation go first to the build's
 * {@link ConvolutionKernels} (the CPU build's oneDNN primitives), else to libnd4j's {@code conv2d} and {@code conv2d_bp}
 * ({@link ConvOps}), which the oneDNN build of nd4j-native executes on oneDNN at about twice the
 * im2col path's speed; the tests compare the two paths.
 */
public final class Conv2d implements Layer {
    private final long inChannels;
    private final long outChannels;
    private final long height;
    private final long width;
    private final long groups;
    private final Size2d kernel;
    private final Size2d stride;
    private final Size2d padding;
    private final Size2d dilation;
    private final long outH;
    private final long outW;
    private final String description;
    private final Parameter weight;
    private final Parameter bias;
    /** Whether dX is the convolution of the output gradient with the flipped kernel (stride 1). */
    private final boolean flippedGradient;
    private final Scratch permutedWeight = new Scratch();
    private final Scratch flippedWeight = new Scratch();
    private float[] hostWeight = new float[0];
    private float[] hostFlipped = new float[0];
    /** Whether FLOAT batches run on libnd4j's ops ({@link ConvOps}); tests turn it off to compare. */
    private boolean nativeOps = true;

    /** A pass's buffers and, after a training run, its column matrix. */
    private final class State {
        final Im2Col im2col = new Im2Col(inChannels, height, width, kernel, stride, padding, dilation, outH, outW);
        /** im2col of the output gradient for dX as a convolution with the flipped kernel; null if not used. */
        final Im2Col gradientIm2col = flippedGradient ? new Im2Col(outChannels, outH, outW, kernel, stride,
                Size2d.of(kernel.h() - 1 - padding.h(), kernel.w() - 1 - padding.w()), dilation, height, width) : null;
        final Scratch gradRows = new Scratch();
        final Scratch product = new Scratch();
        final Scratch output = new Scratch();
        final Scratch gradProduct = new Scratch();
        final Scratch gradColumns = new Scratch();
        final Scratch gradInput = new Scratch();
        final Scratch biasGradient = new Scratch();
        final Scratch gradWeight = new Scratch();
        INDArray columns;
        /** The input of the last training run on the native path; null after one on the im2col path. */
        INDArray input;
        long batch = -1;
    }

    /**
     * A convolution with every option of PyTorch's {@code nn.Conv2d} except non-zero padding modes.
     *
     * @param inputShape  the per-example input {@code [in channels, H, W]}
     * @param outChannels the output channels
     * @param kernel      the kernel size
     * @param stride      the stride, >= 1
     * @param padding     the zero padding on each side, >= 0
     * @param dilation    the spacing between kernel taps, >= 1
     * @param groups      the channel groups; both channel counts must be multiples of it
     * @param bias        whether to add a learned bias per output channel
     * @param init        how to draw the first weights and bias
     * @param type        the floating-point type
     * @param random      the random stream for initialization
     * @throws ShapeMismatchException if the configuration does not fit the input, naming the sizes
     */
    public Conv2d(long[] inputShape, long outChannels, Size2d kernel, Size2d stride, Size2d padding, Size2d dilation,
            long groups, boolean bias, Initializer init, DataType type, Random random) {
        String name = "Conv2d(" + (inputShape != null && inputShape.length > 0 ? inputShape[0] : "?") + " -> "
                + outChannels + ", kernel " + kernel + ", stride " + stride + ", padding " + padding
                + (dilation != null && !dilation.equals(Size2d.of(1)) ? ", dilation " + dilation : "")
                + (groups != 1 ? ", groups " + groups : "") + ")";
        long[] in = ConvArithmetic.requireImage(name, inputShape);
        ConvArithmetic.requireAtLeast(name, "kernel", kernel, 1);
        ConvArithmetic.requireAtLeast(name, "stride", stride, 1);
        ConvArithmetic.requireAtLeast(name, "padding", padding, 0);
        ConvArithmetic.requireAtLeast(name, "dilation", dilation, 1);
        if (outChannels < 1 || groups < 1 || in[0] % groups != 0 || outChannels % groups != 0) {
            throw new ShapeMismatchException(name + ": in channels " + in[0] + " and out channels " + outChannels
                    + " must be positive multiples of groups " + groups);
        }
        Size2d out = ConvArithmetic.convOutput(name, in[1], in[2], kernel, stride, padding, dilation);
        this.inChannels = in[0];
        this.outChannels = outChannels;
        this.height = in[1];
        this.width = in[2];
        this.groups = groups;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.outH = out.h();
        this.outW = out.w();
        this.description = name.substring(0, name.length() - 1) + "; " + inChannels + "x" + height + "x" + width
                + " -> " + outChannels + "x" + outH + "x" + outW + ")";
        // checks the geometry once
        new Im2Col(inChannels, height, width, kernel, stride, padding, dilation, outH, outW);
        // stride 1: dX is the "full" convolution of dY with the flipped, transposed kernel, which
        // needs an im2col (strided copies) instead of col2im (scattered sums, measured 2-4 times slower)
        this.flippedGradient = stride.equals(Size2d.of(1)) && dilation.equals(Size2d.of(1)) && groups == 1
                && padding.h() <= kernel.h() - 1 && padding.w() <= kernel.w() - 1;
        long fanIn = inChannels / groups * kernel.h() * kernel.w();
        long fanOut = outChannels * kernel.h() * kernel.w();
        Allocations.require(description, outChannels * fanIn, type);
        INDArray w = Nd4j.createUninitialized(type,
                new long[] {outChannels, inChannels / groups, kernel.h(), kernel.w()}, 'c');
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
     * {@code nn.Conv2d(in, out, kernel, stride=stride, padding=padding)}.
     *
     * @param inputShape  the per-example input {@code [in channels, H, W]}
     * @param outChannels the output channels
     * @param kernel      the kernel height and width
     * @param stride      the stride
     * @param padding     the zero padding on each side
     * @param init        how to draw the first weights and bias
     * @param type        the floating-point type
     * @param random      the random stream for initialization
     */
    public Conv2d(long[] inputShape, long outChannels, long kernel, long stride, long padding, Initializer init,
            DataType type, Random random) {
        this(inputShape, outChannels, Size2d.of(kernel), Size2d.of(stride), Size2d.of(padding), Size2d.of(1), 1, true,
                init, type, random);
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
            ConvOps.conv2d(x, weight.value(), bias == null ? null : bias.value(), y, kernel, stride, padding,
                    dilation);
            if (pass.isTraining()) {
                s.input = x;
                s.columns = null;
                s.batch = n;
            }
            return y;
        }
        long positions = n * outH * outW;
        INDArray cols = s.im2col.unfold(x);
        INDArray y2 = s.product.get(type, outChannels, positions);
        INDArray w2 = GroupedGemm.matrix(weight.value(), outChannels, s.im2col.rows() / groups);
        GroupedGemm.gemm(w2, cols, y2, groups, false, false, 0.0);
        INDArray y = s.output.get(type, n, outChannels, outH, outW);
        // two passes measured faster than one broadcast op reading the permuted view
        y.assign(y2.reshape('c', outChannels, n, outH, outW).permute(1, 0, 2, 3));
        if (bias != null) {
            Nd4j.exec(new BroadcastAddOp(y, bias.value(), y, 1));
        }
        if (pass.isTraining()) {
            s.columns = cols;
            s.input = null;
            s.batch = n;
        }
        return y;
    }

    private boolean nativePath(DataType type) {
        return nativeOps && groups == 1 && dilation.equals(Size2d.of(1)) && ConvOps.serves(type);
    }

    /** Makes FLOAT batches take the im2col path too, so tests can compare the two. */
    void useReferencePath() {
        nativeOps = false;
    }

    @Override
    public INDArray backward(INDArray gradOutput, Pass pass, boolean needInputGradient) {
        State s = pass.state(this, State::new);
        if (s.columns == null && s.input == null) {
            throw new IllegalStateException(describe() + ": backward without a training forward pass");
        }
        long n = s.batch;
        ConvArithmetic.requireGradient(describe(), gradOutput, n, outChannels, outH, outW);
        DataType type = gradOutput.dataType();
        if (s.input != null) {
            INDArray dx = s.gradInput.get(type, n, inChannels, height, width);
            INDArray dw = s.gradWeight.get(type, weight.value().shape());
            INDArray db = bias == null ? null : s.biasGradient.get(type, outChannels);
            ConvOps.conv2dBackward(s.input, weight.value(), bias == null ? null : bias.value(), gradOutput, dx, dw, db,
                    kernel, stride, padding, dilation, needInputGradient);
            weight.gradient().addi(dw);
            if (bias != null) {
                bias.gradient().addi(db);
            }
            return needInputGradient ? dx : null;
        }
        long positions = n * outH * outW;
        long kg = s.im2col.rows() / groups;
        INDArray g4 = s.gradProduct.get(type, outChannels, n, outH, outW);
        g4.assign(gradOutput.permute(1, 0, 2, 3));
        INDArray g2 = g4.reshape('c', outChannels, positions);
        GroupedGemm.gemm(g2, s.columns, GroupedGemm.matrix(weight.gradient(), outChannels, kg), groups, false, true,
                1.0);
        if (bias != null) {
            INDArray db = s.biasGradient.get(type, outChannels);
            gradOutput.sum(db, 0, 2, 3);
            bias.gradient().addi(db);
        }
        if (!needInputGradient) {
            return null;
        }
        INDArray dx = s.gradInput.get(type, n, inChannels, height, width);
        if (s.gradientIm2col != null) {
            // dX[n, c] = sum over o, i, j of dY[n, o] shifted by (i, j), times W[o, c, kH-1-i, kW-1-j]
            INDArray gcols = s.gradientIm2col.unfold(gradOutput);
            INDArray dx4 = s.gradRows.get(type, inChannels, n, height, width);
            Nd4j.gemm(flipped(type), gcols, dx4.reshape('c', inChannels, n * height * width), false, false, 1.0, 0.0);
            dx.assign(dx4.permute(1, 0, 2, 3));
            return dx;
        }
        INDArray dcols = s.gradColumns.get(type, s.im2col.rows(), positions);
        GroupedGemm.gemm(GroupedGemm.matrix(weight.value(), outChannels, kg), g2, dcols, groups, true, false, 0.0);
        s.im2col.fold(dcols, dx);
        return dx;
    }

    /** The weight {@code [out, in, kH, kW]} as {@code [in, out*kH*kW]}, reversed along kH and kW. */
    private INDArray flipped(DataType type) {
        long kh = weight.value().size(2);
        long kw = weight.value().size(3);
        INDArray f = flippedWeight.get(type, inChannels, outChannels, kh, kw);
        INDArray w = weight.value();
        if (HostFloats.fits(w) && HostFloats.fits(f)) {
            // a few thousand values: a host loop beats ND4J's permute and reverse ops by far
            int k = (int) (kh * kw);
            if (hostWeight.length != w.length()) {
                hostWeight = new float[(int) w.length()];
                hostFlipped = new float[(int) w.length()];
            }
            HostFloats.read(w, hostWeight);
            int in = (int) inChannels;
            int out = (int) outChannels;
            for (int o = 0; o < out; o++) {
                for (int c = 0; c < in; c++) {
                    int from = (o * in + c) * k;
                    int to = (c * out + o) * k + k - 1;
                    for (int t = 0; t < k; t++) {
                        hostFlipped[to - t] = hostWeight[from + t];
                    }
                }
            }
            HostFloats.write(hostFlipped, f);
        } else {
            INDArray t = permutedWeight.get(type, inChannels, outChannels, kh, kw);
            t.assign(w.permute(1, 0, 2, 3));
            Nd4j.exec(DynamicCustomOp.builder("reverse").addInputs(t).addOutputs(f).addIntegerArguments(2, 3).build());
        }
        return f.reshape('c', inChannels, outChannels * kh * kw);
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    /** @return the kernel size */
    public Size2d kernel() {
        return kernel;
    }

    /** @return the stride */
    public Size2d stride() {
        return stride;
    }

    /** @return the zero padding on each side */
    public Size2d padding() {
        return padding;
    }

    /** @return the spacing between kernel taps */
    public Size2d dilation() {
        return dilation;
    }

    /** @return the channel groups */
    public long groups() {
        return groups;
    }

    /** @return the weight {@code [out, in/groups, kH, kW]} */
    public Parameter weight() {
        return weight;
    }

    /** @return the bias {@code [out]}, or null when the layer has none */
    public Parameter bias() {
        return bias;
    }

    @Override
    public String describe() {
        return description;
    }
}
