package org.vae4j.engine.layers.conv;

import static org.vae4j.engine.layers.conv.ConvTesting.distinct;
import static org.vae4j.engine.layers.conv.ConvTesting.rng;
import static org.vae4j.engine.layers.conv.ConvTesting.uniform;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.Layer;
import org.vae4j.engine.gradcheck.GradientCheck;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.GELU;
import org.vae4j.engine.layers.Sequential;

/**
 * Finite-difference checks of every convolutional layer's backward pass in double precision, on
 * tiny batches (N = 2, 2 to 4 channels, 4x4 to 7x7) in the configurations that exercise distinct
 * index arithmetic: stride, padding, dilation, groups, output padding, non-square kernels, odd and
 * even sizes. Max pooling gets inputs whose values are 0.01 apart so that no perturbation moves an
 * argmax.
 */
class ConvGradientTest {
    /**
     * Relative tolerance 1e-5 rather than the usual 1e-6. These maps are linear in each perturbed
     * value (piecewise linear for max pooling), so the central difference has no truncation error;
     * what is left is rounding in the loss sum(y * r), about 1e-16 |loss| / eps = 1e-10 absolute,
     * which on the few entries whose gradient nearly cancels (|g| near 1e-5) exceeds 1e-6 relative:
     * the worst seen is 1.5e-6, and even the identity map Reshape shows 1.2e-7. A wrong index or a
     * missing tap gives errors of order 1.
     */
    private static final double TOLERANCE = 1e-5;
    private static final DataType D = DataType.DOUBLE;

    /** The layer's gradients, and the same when it runs twice in a step (0.8 x input the second time). */
    private static void check(Layer layer, INDArray input, long seed) {
        GradientCheck.layer(layer, input, seed).assertWithin(TOLERANCE);
        GradientCheck.twoPasses(layer, input, input.mul(0.8), seed + 1).assertWithin(TOLERANCE);
    }

    private static Conv2d conv(long[] in, long out, Size2d k, Size2d s, Size2d p, Size2d d, int groups, boolean bias,
            long seed) {
        return new Conv2d(in, out, k, s, p, d, groups, bias, Initializer.PYTORCH, D, rng(seed));
    }

    private static ConvTranspose2d convT(long[] in, long out, Size2d k, Size2d s, Size2d p, Size2d op, Size2d d,
            int groups, boolean bias, long seed) {
        return new ConvTranspose2d(in, out, k, s, p, op, d, groups, bias, Initializer.PYTORCH, D, rng(seed));
    }

    @Test
    void conv2dKernel3NoPaddingOddSize() {
        check(new Conv2d(new long[] {2, 5, 5}, 3, 3, 1, 0, Initializer.PYTORCH, D, rng(1)),
                uniform(101, 2, 2, 5, 5), 1);
    }

    @Test
    void conv2dKernel3Stride2Padding1EvenAndOddSizes() {
        check(new Conv2d(new long[] {2, 6, 6}, 3, 3, 2, 1, Initializer.PYTORCH, D, rng(2)),
                uniform(102, 2, 2, 6, 6), 2);
        check(new Conv2d(new long[] {3, 7, 7}, 2, 3, 2, 1, Initializer.PYTORCH, D, rng(3)),
                uniform(103, 2, 3, 7, 7), 3);
    }

    @Test
    void conv2dDilation2() {
        Size2d one = Size2d.of(1);
        check(conv(new long[] {2, 7, 7}, 3, Size2d.of(3), one, Size2d.of(2), Size2d.of(2), 1, true, 4),
                uniform(104, 2, 2, 7, 7), 4);
    }

    @Test
    void conv2dGroups2() {
        Size2d one = Size2d.of(1);
        check(conv(new long[] {4, 5, 5}, 6, Size2d.of(3), one, one, one, 2, true, 5), uniform(105, 2, 4, 5, 5), 5);
    }

    @Test
    void conv2dNonSquareWithoutBias() {
        check(conv(new long[] {2, 6, 7}, 3, Size2d.of(2, 3), Size2d.of(2, 1), Size2d.of(1, 0), Size2d.of(1, 2), 1,
                false, 6), uniform(106, 2, 2, 6, 7), 6);
    }

    /** Stride 1 takes dX as a convolution with the flipped kernel: padded, unpadded, non-square. */
    @Test
    void conv2dStride1InputGradientThroughTheFlippedKernel() {
        Size2d one = Size2d.of(1);
        check(new Conv2d(new long[] {3, 5, 6}, 4, 3, 1, 1, Initializer.PYTORCH, D, rng(8)),
                uniform(108, 2, 3, 5, 6), 8);
        check(conv(new long[] {2, 5, 6}, 3, Size2d.of(3, 2), one, Size2d.of(2, 0), one, 1, true, 9),
                uniform(109, 2, 2, 5, 6), 9);
        check(conv(new long[] {2, 4, 5}, 2, Size2d.of(2, 3), one, Size2d.of(1, 2), one, 1, false, 10),
                uniform(110, 3, 2, 4, 5), 10);
    }

    @Test
    void conv2dPointwise() {
        check(new Conv2d(new long[] {3, 4, 4}, 2, 1, 1, 0, Initializer.PYTORCH, D, rng(7)),
                uniform(107, 2, 3, 4, 4), 7);
    }

    @Test
    void convTranspose2dStride2Padding1WithAndWithoutOutputPadding() {
        check(new ConvTranspose2d(new long[] {3, 4, 4}, 2, 3, 2, 1, 1, Initializer.PYTORCH, D, rng(11)),
                uniform(111, 2, 3, 4, 4), 11);
        check(new ConvTranspose2d(new long[] {2, 4, 4}, 3, 3, 2, 1, 0, Initializer.PYTORCH, D, rng(12)),
                uniform(112, 2, 2, 4, 4), 12);
    }

    @Test
    void convTranspose2dKernel3OddSizeNoPadding() {
        check(new ConvTranspose2d(new long[] {2, 5, 5}, 2, 3, 1, 0, 0, Initializer.PYTORCH, D, rng(13)),
                uniform(113, 2, 2, 5, 5), 13);
    }

    @Test
    void convTranspose2dDilation2WithOutputPaddingBelowDilation() {
        Size2d one = Size2d.of(1);
        check(convT(new long[] {2, 4, 4}, 2, Size2d.of(3), one, one, one, Size2d.of(2), 1, true, 14),
                uniform(114, 2, 2, 4, 4), 14);
    }

    @Test
    void convTranspose2dGroups2() {
        check(convT(new long[] {4, 4, 4}, 6, Size2d.of(3), Size2d.of(2), Size2d.of(1), Size2d.of(1), Size2d.of(1), 2,
                true, 15), uniform(115, 2, 4, 4, 4), 15);
    }

    @Test
    void convTranspose2dNonSquareWithoutBias() {
        check(convT(new long[] {2, 3, 4}, 3, Size2d.of(2, 3), Size2d.of(2, 1), Size2d.of(0, 1), Size2d.of(1, 0),
                Size2d.of(1), 1, false, 16), uniform(116, 2, 2, 3, 4), 16);
    }

    @Test
    void maxPoolDisjointOverlappingAndPadded() {
        check(new MaxPool2d(new long[] {2, 6, 6}, 2), distinct(121, 2, 2, 6, 6), 21);
        check(new MaxPool2d(new long[] {2, 5, 5}, Size2d.of(2), Size2d.of(1), Size2d.of(0)),
                distinct(122, 2, 2, 5, 5), 22);
        check(new MaxPool2d(new long[] {2, 7, 7}, Size2d.of(3), Size2d.of(2), Size2d.of(1)),
                distinct(123, 2, 2, 7, 7), 23);
    }

    @Test
    void avgPoolDisjointOverlappingAndPadded() {
        check(new AvgPool2d(new long[] {2, 6, 6}, 2), uniform(131, 2, 2, 6, 6), 31);
        check(new AvgPool2d(new long[] {2, 5, 5}, Size2d.of(3), Size2d.of(1), Size2d.of(1)),
                uniform(132, 2, 2, 5, 5), 32);
        check(new AvgPool2d(new long[] {3, 7, 7}, Size2d.of(3), Size2d.of(2), Size2d.of(1)),
                uniform(133, 2, 3, 7, 7), 33);
    }

    @Test
    void upsampleSquareAndRectangular() {
        check(new Upsample(new long[] {2, 3, 3}, 2), uniform(141, 2, 2, 3, 3), 41);
        check(new Upsample(new long[] {2, 3, 2}, Size2d.of(2, 3)), uniform(142, 2, 2, 3, 2), 42);
    }

    @Test
    void flattenAndReshape() {
        check(new Flatten(2, 3, 3), uniform(151, 2, 2, 3, 3), 51);
        check(new Reshape(new long[] {18}, 2, 3, 3), uniform(152, 2, 18), 52);
    }

    @Test
    void smallConvolutionalAutoencoderComposed() {
        long[] in = {2, 6, 6};
        Conv2d down = new Conv2d(in, 3, 3, 2, 1, Initializer.PYTORCH, D, rng(61));
        GELU act = new GELU(down.outputShape());
        Flatten flat = new Flatten(act.outputShape());
        Reshape back = new Reshape(flat.outputShape(), act.outputShape());
        ConvTranspose2d up = new ConvTranspose2d(back.outputShape(), 2, 3, 2, 1, 1, Initializer.PYTORCH, D, rng(62));
        Sequential net = new Sequential(List.of(down, act, flat, back, up));
        check(net, uniform(161, 2, 2, 6, 6), 61);
    }
}
