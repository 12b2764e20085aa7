package org.vae4j.engine.layers.conv;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.engine.layers.Kernels;

/**
 * libnd4j's {@code conv2d}, {@code conv2d_bp}, {@code deconv2d} and {@code deconv2d_bp} ops for
 * FLOAT NCHW batches with PyTorch's weight layouts, which the oneDNN build of nd4j-native runs on
 * oneDNN (docs/BENCHMARKS.md: about twice the speed of vae4j's im2col layers, and faster than
 * PyTorch's). The layers call these for FLOAT data, one channel group and no dilation (oneDNN
 * 2.3 rejects libnd4j's dilated descriptors); DOUBLE data (the gradient checks), groups and
 * dilation take the layers' own im2col path, which the tests also compare these against.
 *
 * <p>The ops write their gradients; the layers add them to the parameters' gradients.
 * {@code deconv2d} has no output padding, so a transposed convolution with output padding runs it
 * unpadded, producing the full output, and crops it (and zero-pads the gradient back); one
 * without runs it with its padding directly.
 *
 * <p>Before those ops, every call is offered to the {@link ConvolutionKernels} on the class path,
 * if any (the CPU build's oneDNN primitives, created once per shape; docs/BENCHMARKS.md).
 */
final class ConvOps {
    /** The faster kernels of the build, or null. */
    private static final ConvolutionKernels KERNELS = Kernels.find(ConvolutionKernels.class,
            "libnd4j's convolution ops");
    /** NCHW data. */
    private static final int NCHW = 0;
    /** conv2d: weights [out, in, kH, kW]; deconv2d: weights [in, out, kH, kW] (PyTorch's layouts). */
    private static final int TORCH_WEIGHTS = 1;

    private ConvOps() {
    }

    private static ConvolutionKernels.Window window(Size2d k, Size2d s, Size2d p, Size2d d) {
        return new ConvolutionKernels.Window(k, s, p, p, d);
    }

    /** @return whether the ops serve this data type */
    static boolean serves(DataType type) {
        return type == DataType.FLOAT;
    }

    private static int[] args(Size2d k, Size2d s, Size2d p, Size2d d) {
        return new int[] {(int) k.h(), (int) k.w(), (int) s.h(), (int) s.w(), (int) p.h(), (int) p.w(), (int) d.h(),
            (int) d.w(), 0, NCHW, TORCH_WEIGHTS};
    }

    /** {@code y = conv(x, w) + b}; b may be null. */
    static void conv2d(INDArray x, INDArray w, INDArray b, INDArray y, Size2d k, Size2d s, Size2d p, Size2d d) {
        if (KERNELS != null && KERNELS.convolve(x, w, b, y, window(k, s, p, d))) {
            return;
        }
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d");
        op.addInputs(b == null ? new INDArray[] {x, w} : new INDArray[] {x, w, b});
        Nd4j.exec(op.addOutputs(y).addIntegerArguments(args(k, s, p, d)).build());
    }

    /**
     * Writes dL/dw, (if b is not null) dL/db and dL/dx of {@link #conv2d}; {@code needGradX} false
     * lets the kernels skip dL/dx (then {@code gradX} may hold anything).
     */
    static void conv2dBackward(INDArray x, INDArray w, INDArray b, INDArray gradY, INDArray gradX, INDArray gradW,
                               INDArray gradB, Size2d k, Size2d s, Size2d p, Size2d d, boolean needGradX) {
        if (KERNELS != null && KERNELS.convolveBackward(x, w, gradY, needGradX ? gradX : null, gradW, gradB,
                window(k, s, p, d))) {
            return;
        }
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d_bp");
        op.addInputs(b == null ? new INDArray[] {x, w, gradY} : new INDArray[] {x, w, b, gradY});
        op.addOutputs(b == null ? new INDArray[] {gradX, gradW} : new INDArray[] {gradX, gradW, gradB});
        Nd4j.exec(op.addIntegerArguments(args(k, s, p, d)).build());
    }

    /**
     * The transposed convolution {@code y = deconv(x, w) + b} with padding {@code p} on each side
     * and no output padding: y is {@code (in - 1) s - 2 p + d (k - 1) + 1} high and wide.
     */
    static void deconv2d(INDArray x, INDArray w, INDArray b, INDArray y, Size2d k, Size2d s, Size2d p, Size2d d) {
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("deconv2d");
        op.addInputs(b == null ? new INDArray[] {x, w} : new INDArray[] {x, w, b});
        Nd4j.exec(op.addOutputs(y).addIntegerArguments(args(k, s, p, d)).build());
    }

    /** Writes dL/dx, dL/dw and (if b is not null) dL/db of {@link #deconv2d}. */
    static void deconv2dBackward(INDArray x, INDArray w, INDArray b, INDArray gradY, INDArray gradX, INDArray gradW,
                                 INDArray gradB, Size2d k, Size2d s, Size2d p, Size2d d) {
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("deconv2d_bp");
        op.addInputs(b == null ? new INDArray[] {x, w, gradY} : new INDArray[] {x, w, b, gradY});
        op.addOutputs(b == null ? new INDArray[] {gradX, gradW} : new INDArray[] {gradX, gradW, gradB});
        Nd4j.exec(op.addIntegerArguments(args(k, s, p, d)).build());
    }

    /**
     * The transposed convolution with padding {@code p} and output padding {@code op} on the
     * kernels, if they serve it.
     *
     * @return whether the kernels computed it (otherwise nothing was written)
     */
    static boolean deconv2dPadded(INDArray x, INDArray w, INDArray b, INDArray y, Size2d k, Size2d s, Size2d p,
                                  Size2d op, Size2d d) {
        return KERNELS != null && KERNELS.transposed(x, w, b, y, paddedWindow(k, s, p, op, d));
    }

    /** The gradients of {@link #deconv2dPadded}; whether the kernels computed them. */
    static boolean deconv2dPaddedBackward(INDArray x, INDArray w, INDArray gradY, INDArray gradX, INDArray gradW,
                                          INDArray gradB, Size2d k, Size2d s, Size2d p, Size2d op, Size2d d) {
        return KERNELS != null && KERNELS.transposedBackward(x, w, gradY, gradX, gradW, gradB,
                paddedWindow(k, s, p, op, d));
    }

    private static ConvolutionKernels.Window paddedWindow(Size2d k, Size2d s, Size2d p, Size2d op, Size2d d) {
        return new ConvolutionKernels.Window(k, s, p, Size2d.of(p.h() - op.h(), p.w() - op.w()), d);
    }
}
