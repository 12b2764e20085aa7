package org.vae4j.engine.layers.conv;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vae4j.engine.layers.Scratch;

/**
 * The im2col and col2im transforms that turn a convolution into a matrix product, for one
 * geometry: a {@code [N, C, H, W]} image and the {@code outH x outW} kernel positions that
 * stride, padding and dilation give.
 *
 * <p>The column matrix is {@code [C*kH*kW, N*outH*outW]}: rows ordered (channel, kernel row,
 * kernel column) like a PyTorch weight's trailing dimensions, so that a convolution is
 * {@code weight[out, C*kH*kW] x columns} with no weight permutation, and the rows of one channel
 * group are one contiguous block, so that groups are row blocks of the same GEMM operands.
 *
 * <p>{@link #unfold} copies the image once into a zero-bordered {@code [C, N, H+2pH, W+2pW]}
 * buffer and then fills the columns with {@code kH*kW} native strided copies, one per kernel
 * tap, each reading a strided view of that buffer. That measured 4 ms against 13 to 80 ms for
 * libnd4j's {@code im2col} op (whose strided-output path is slow) on a batch of 128
 * 32x14x14 images. {@link #fold} uses libnd4j's {@code col2im} op, which sums overlapping taps
 * and is the fastest of the native options measured.
 */
final class Im2Col {
    private final long channels;
    private final long height;
    private final long width;
    private final Size2d kernel;
    private final Size2d stride;
    private final Size2d padding;
    private final Size2d dilation;
    private final long outH;
    private final long outW;
    private final Scratch padded = new Scratch();
    private final Scratch columns = new Scratch();
    // views rebuilt only when a scratch buffer is re-allocated (batch size or type changed)
    private INDArray paddedArray;
    private INDArray interior;
    private INDArray columnsArray;
    private INDArray columnMatrix;
    private INDArray[] taps;
    private INDArray[] tapTargets;

    /**
     * @param channels the image channels C
     * @param height   the image height H
     * @param width    the image width W
     * @param kernel   the kernel size
     * @param stride   the stride
     * @param padding  the zero padding on each side
     * @param dilation the spacing between kernel taps
     * @param outH     the kernel positions along the height; at most what the padded image holds
     * @param outW     the kernel positions along the width
     */
    Im2Col(long channels, long height, long width, Size2d kernel, Size2d stride, Size2d padding, Size2d dilation,
            long outH, long outW) {
        if ((outH - 1) * stride.h() + (kernel.h() - 1) * dilation.h() >= height + 2 * padding.h()
                || (outW - 1) * stride.w() + (kernel.w() - 1) * dilation.w() >= width + 2 * padding.w()) {
            throw new IllegalArgumentException("im2col positions " + outH + "x" + outW + " exceed the padded image");
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.outH = outH;
        this.outW = outW;
    }

    /** @return the rows of the column matrix, C*kH*kW */
    long rows() {
        return channels * kernel.h() * kernel.w();
    }

    /**
     * The column buffer, for callers that fill it themselves and {@link #fold} it (a transposed
     * convolution); {@link #unfold} overwrites the same buffer.
     *
     * @param type  the data type
     * @param batch the batch size N
     * @return the {@code [C*kH*kW, N*outH*outW]} matrix, contents undefined
     */
    INDArray columns(DataType type, long batch) {
        INDArray c = columns.get(type, channels, kernel.h(), kernel.w(), batch, outH, outW);
        if (c != columnsArray) {
            columnsArray = c;
            columnMatrix = c.reshape('c', rows(), batch * outH * outW);
            tapTargets = null;
        }
        return columnMatrix;
    }

    /**
     * im2col: column (c, i, j) x (n, oh, ow) holds the image at channel c, row
     * {@code oh*sH - pH + i*dH}, column {@code ow*sW - pW + j*dW}, or 0 in the padding.
     *
     * @param image {@code [N, C, H, W]}, any strides
     * @return the {@code [C*kH*kW, N*outH*outW]} column matrix, a buffer reused by the next call
     */
    INDArray unfold(INDArray image) {
        DataType type = image.dataType();
        long n = image.size(0);
        long ph = height + 2 * padding.h();
        long pw = width + 2 * padding.w();
        INDArray pad = padded.get(type, channels, n, ph, pw);
        INDArray matrix = columns(type, n);
        if (pad != paddedArray || tapTargets == null) {
            prepare(pad, n, ph, pw);
        }
        interior.assign(image.permute(1, 0, 2, 3));
        for (int t = 0; t < taps.length; t++) {
            tapTargets[t].assign(taps[t]);
        }
        return matrix;
    }

    private void prepare(INDArray pad, long n, long ph, long pw) {
        if (pad != paddedArray) {
            // only the interior is written per pass, so the border is zeroed once per buffer
            pad.assign(0);
            paddedArray = pad;
            interior = pad.get(NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.interval(padding.h(), padding.h() + height),
                    NDArrayIndex.interval(padding.w(), padding.w() + width));
        }
        int kh = Math.toIntExact(kernel.h());
        int kw = Math.toIntExact(kernel.w());
        taps = new INDArray[kh * kw];
        tapTargets = new INDArray[kh * kw];
        long[] shape = {channels, n, outH, outW};
        long[] strides = {n * ph * pw, ph * pw, stride.h() * pw, stride.w()};
        for (int i = 0; i < kh; i++) {
            for (int j = 0; j < kw; j++) {
                long offset = pad.offset() + i * dilation.h() * pw + j * dilation.w();
                taps[i * kw + j] = Nd4j.create(pad.data(), shape, strides, offset, 'c', pad.dataType());
                tapTargets[i * kw + j] = columnsArray.get(NDArrayIndex.all(), NDArrayIndex.point(i),
                        NDArrayIndex.point(j));
            }
        }
    }

    /**
     * col2im, the adjoint of {@link #unfold}: every column entry is added to the image position it
     * was read from; entries that fall in the padding are dropped.
     *
     * @param columns a {@code [C*kH*kW, N*outH*outW]} c-order matrix
     * @param image   the {@code [N, C, H, W]} output, overwritten
     */
    void fold(INDArray columns, INDArray image) {
        long n = image.size(0);
        INDArray cols6 = columns.reshape('c', channels, kernel.h(), kernel.w(), n, outH, outW)
                .permute(3, 0, 1, 2, 4, 5);
        Nd4j.exec(DynamicCustomOp.builder("col2im")
                .addInputs(cols6)
                .addOutputs(image)
                .addIntegerArguments(toInt(stride.h()), toInt(stride.w()), toInt(padding.h()), toInt(padding.w()),
                        toInt(height), toInt(width), toInt(dilation.h()), toInt(dilation.w()), 0)
                .build());
    }

    private static int toInt(long v) {
        return Math.toIntExact(v);
    }
}
