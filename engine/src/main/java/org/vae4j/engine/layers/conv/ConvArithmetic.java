package org.vae4j.engine.layers.conv;

import org.vae4j.engine.layers.ShapeMismatchException;
import org.vae4j.engine.layers.Shapes;

/**
 * PyTorch's output-size rules for convolutions and pooling, and the configuration checks the
 * layers of this package share; every failure is a {@link ShapeMismatchException} that names the
 * layer and the sizes involved.
 */
public final class ConvArithmetic {
    private ConvArithmetic() {
    }

    /**
     * The output size of a convolution or a floor-mode pooling along one axis,
     * {@code floor((in + 2 padding - dilation (kernel - 1) - 1) / stride) + 1}, as PyTorch's
     * {@code nn.Conv2d} and {@code nn.MaxPool2d}. The floor is part of the rule: 28 with kernel 3,
     * stride 2, padding 1 gives 14 although 27 / 2 is not whole.
     *
     * @param in       the input size
     * @param kernel   the kernel size
     * @param stride   the stride
     * @param padding  the zero padding on each side
     * @param dilation the spacing between kernel taps
     * @return the output size; zero or negative if the kernel does not fit the padded input
     */
    public static long convOutput(long in, long kernel, long stride, long padding, long dilation) {
        return Math.floorDiv(in + 2 * padding - dilation * (kernel - 1) - 1, stride) + 1;
    }

    /**
     * The output size of a transposed convolution along one axis,
     * {@code (in - 1) stride - 2 padding + dilation (kernel - 1) + outputPadding + 1}, as PyTorch's
     * {@code nn.ConvTranspose2d}.
     *
     * @param in            the input size
     * @param kernel        the kernel size
     * @param stride        the stride
     * @param padding       the padding removed from each side of the full output
     * @param outputPadding the rows or columns added on the bottom or right side
     * @param dilation      the spacing between kernel taps
     * @return the output size; zero or negative if the padding removes everything
     */
    public static long transposedOutput(long in, long kernel, long stride, long padding, long outputPadding,
            long dilation) {
        return (in - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1;
    }

    /**
     * @param layer      the layer, for the message
     * @param inputShape a per-example shape that must be {@code [C, H, W]} with positive sizes
     * @return a copy of it
     */
    static long[] requireImage(String layer, long[] inputShape) {
        if (inputShape == null || inputShape.length != 3 || inputShape[0] < 1 || inputShape[1] < 1
                || inputShape[2] < 1) {
            throw new ShapeMismatchException(layer + ": input shape must be [C, H, W] with sizes >= 1, got "
                    + (inputShape == null ? "null" : Shapes.show(inputShape)));
        }
        return inputShape.clone();
    }

    /**
     * @param layer the layer, for the message
     * @param what  the argument's name
     * @param size  a size whose two values must be at least {@code min}
     * @param min   the smallest allowed value
     */
    static void requireAtLeast(String layer, String what, Size2d size, long min) {
        if (size == null || size.h() < min || size.w() < min) {
            throw new ShapeMismatchException(layer + ": " + what + " must be >= " + min + ", got " + size);
        }
    }

    /**
     * Checks that a kernel fits the padded input and returns the output size.
     *
     * @param layer    the layer, for the message
     * @param height   the input height
     * @param width    the input width
     * @param kernel   the kernel size
     * @param stride   the stride
     * @param padding  the padding
     * @param dilation the dilation
     * @return the output height and width, both >= 1
     */
    static Size2d convOutput(String layer, long height, long width, Size2d kernel, Size2d stride, Size2d padding,
            Size2d dilation) {
        long effH = dilation.h() * (kernel.h() - 1) + 1;
        long effW = dilation.w() * (kernel.w() - 1) + 1;
        long padH = height + 2 * padding.h();
        long padW = width + 2 * padding.w();
        if (effH > padH || effW > padW) {
            throw new ShapeMismatchException(layer + ": kernel " + kernel.h() + "x" + kernel.w()
                    + (dilation.h() > 1 || dilation.w() > 1
                            ? " (" + effH + "x" + effW + " with dilation " + dilation + ")" : "")
                    + " is larger than the padded input " + padH + "x" + padW + " (input " + height + "x" + width
                    + ", padding " + padding + ")");
        }
        return Size2d.of(convOutput(height, kernel.h(), stride.h(), padding.h(), dilation.h()),
                convOutput(width, kernel.w(), stride.w(), padding.w(), dilation.w()));
    }

    /**
     * Checks the output gradient a backward pass was given against the last forward pass.
     *
     * @param layer the layer, for the message
     * @param g     the output gradient
     * @param n     the batch size of the forward pass
     * @param c     output channels
     * @param h     output height
     * @param w     output width
     * @throws ShapeMismatchException naming the layer and both shapes
     */
    static void requireGradient(String layer, org.nd4j.linalg.api.ndarray.INDArray g, long n, long c, long h, long w) {
        if (g.rank() != 4 || g.size(0) != n || g.size(1) != c || g.size(2) != h || g.size(3) != w) {
            throw new org.vae4j.engine.layers.ShapeMismatchException(layer + ": expects output gradient [" + n + ", "
                    + c + ", " + h + ", " + w + "], got " + org.vae4j.engine.layers.Shapes.show(g.shape()));
        }
    }
}
