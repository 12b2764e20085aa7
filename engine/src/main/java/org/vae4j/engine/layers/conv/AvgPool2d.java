package org.vae4j.engine.layers.conv;

/**
 * Average pooling in floor mode, as PyTorch's {@code nn.AvgPool2d(kernel, stride, padding)} with
 * its default {@code count_include_pad=True}: padding counts as zeros, so every window divides by
 * kH*kW (in floor mode no window reaches past the padded input).
 */
public final class AvgPool2d extends Pool2d {
    /** libnd4j's divisor mode that includes the padding. */
    private static final int INCLUDE_PADDING = 1;

    /**
     * @param inputShape the per-example input {@code [C, H, W]}
     * @param kernel     the window size
     * @param stride     the step between windows
     * @param padding    the zero padding on each side, at most half the kernel
     * @throws org.vae4j.engine.layers.ShapeMismatchException if the windows do not fit the input
     */
    public AvgPool2d(long[] inputShape, Size2d kernel, Size2d stride, Size2d padding) {
        super("AvgPool2d", inputShape, kernel, stride, padding, INCLUDE_PADDING);
    }

    /**
     * Non-overlapping square windows, as {@code nn.AvgPool2d(kernel)}.
     *
     * @param inputShape the per-example input {@code [C, H, W]}
     * @param kernel     the window size and stride
     */
    public AvgPool2d(long[] inputShape, long kernel) {
        this(inputShape, Size2d.of(kernel), Size2d.of(kernel), Size2d.of(0));
    }

    @Override
    String forwardOp() {
        return "avgpool2d";
    }

    @Override
    String backwardOp() {
        return "avgpool2d_bp";
    }
}
