package org.vae4j.engine.layers.conv;

/**
 * Max pooling in floor mode, as PyTorch's {@code nn.MaxPool2d(kernel, stride, padding)}: padding
 * never wins a window (it acts as minus infinity), and the gradient of each window goes to its
 * argmax, the first maximum in row-major order when values tie, as in PyTorch.
 *
 * <p>The layer keeps the forward input rather than an index array: libnd4j's
 * {@code maxpool2d_bp} finds each window's argmax again from it with the same strict
 * first-maximum comparison, in the same native pass that routes the gradient, which avoids a
 * scatter whose overlapping windows would race between threads.
 */
public final class MaxPool2d extends Pool2d {

    /**
     * @param inputShape the per-example input {@code [C, H, W]}
     * @param kernel     the window size
     * @param stride     the step between windows
     * @param padding    the implicit padding on each side, at most half the kernel
     * @throws org.vae4j.engine.layers.ShapeMismatchException if the windows do not fit the input
     */
    public MaxPool2d(long[] inputShape, Size2d kernel, Size2d stride, Size2d padding) {
        super("MaxPool2d", inputShape, kernel, stride, padding, 0);
    }

    /**
     * Non-overlapping square windows, as {@code nn.MaxPool2d(kernel)}.
     *
     * @param inputShape the per-example input {@code [C, H, W]}
     * @param kernel     the window size and stride
     */
    public MaxPool2d(long[] inputShape, long kernel) {
        this(inputShape, Size2d.of(kernel), Size2d.of(kernel), Size2d.of(0));
    }

    @Override
    String forwardOp() {
        return "maxpool2d";
    }

    @Override
    String backwardOp() {
        return "maxpool2d_bp";
    }
}
