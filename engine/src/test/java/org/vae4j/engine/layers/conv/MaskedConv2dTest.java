package org.vae4j.engine.layers.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.engine.layers.conv.ConvTesting.rng;
import static org.vae4j.engine.layers.conv.ConvTesting.uniform;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.Layer;
import org.vae4j.api.Pass;
import org.vae4j.engine.gradcheck.GradientCheck;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.ReLU;
import org.vae4j.engine.layers.Sequential;
import org.vae4j.engine.layers.ShapeMismatchException;

/**
 * The masked convolution: its masks tap by tap, its backward pass against finite differences, and
 * the autoregressive property of a PixelCNN stack: output pixel i never depends on input pixels
 * at or after i, measured by perturbing each input pixel and watching every output.
 */
class MaskedConv2dTest {
    private static final DataType D = DataType.DOUBLE;

    @Test
    void masksSeeThePixelsBeforeTheCentreAndTypeBTheCentreToo() {
        double[] a = MaskedConv2d.mask(new long[] {1, 1, 3, 3}, 3, MaskedConv2d.Type.A, D).reshape(9).toDoubleVector();
        double[] b = MaskedConv2d.mask(new long[] {1, 1, 3, 3}, 3, MaskedConv2d.Type.B, D).reshape(9).toDoubleVector();
        assertArrayEquals(new double[] {1, 1, 1, 1, 0, 0, 0, 0, 0}, a);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 0, 0, 0, 0}, b);
        // every input and output channel gets the same plane
        INDArray m = MaskedConv2d.mask(new long[] {3, 2, 5, 5}, 5, MaskedConv2d.Type.A, D);
        assertEquals(3 * 2 * 12, m.sumNumber().intValue());
    }

    @Test
    void maskedTapsStartAtZeroAndNoGradientMovesThem() {
        MaskedConv2d c = new MaskedConv2d(new long[] {2, 5, 5}, 3, 3, MaskedConv2d.Type.A, Initializer.PYTORCH, D, rng(1));
        INDArray hidden = c.mask().rsub(1.0);
        assertEquals(0.0, c.parameters().get(0).value().mul(hidden).amaxNumber().doubleValue(), 0.0);
        c.parameters().forEach(p -> p.gradient().assign(0));
        Pass pass = Pass.training();
        INDArray y = c.forward(uniform(2, 2, 2, 5, 5), pass);
        c.backward(y.dup(), pass, true);
        assertEquals(0.0, c.parameters().get(0).gradient().mul(hidden).amaxNumber().doubleValue(), 0.0);
        assertTrue(c.parameters().get(0).gradient().amaxNumber().doubleValue() > 0);
        // a value written into a masked tap (a hand-edited checkpoint) is ignored
        c.parameters().get(0).value().addi(hidden.mul(5));
        INDArray again = c.forward(uniform(2, 2, 2, 5, 5), Pass.inference());
        assertEquals(0.0, again.sub(y).amaxNumber().doubleValue(), 1e-12);
    }

    @Test
    void backwardMatchesFiniteDifferences() {
        for (MaskedConv2d.Type t : MaskedConv2d.Type.values()) {
            MaskedConv2d c = new MaskedConv2d(new long[] {2, 5, 6}, 3, 3, t, Initializer.PYTORCH, D, rng(3));
            GradientCheck.layer(c, uniform(4, 2, 2, 5, 6), 5).assertWithin(1e-5);
            GradientCheck.twoPasses(c, uniform(6, 2, 2, 5, 6), uniform(7, 2, 2, 5, 6), 8).assertWithin(1e-5);
        }
    }

    @Test
    void anEvenKernelHasNoCentre() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> new MaskedConv2d(
                new long[] {1, 4, 4}, 2, 4, MaskedConv2d.Type.A, Initializer.PYTORCH, D, rng(1)));
        assertEquals("MaskedConv2d: the kernel must be odd (a centre pixel), got 4", e.getMessage());
    }

    /** A type-A 5x5 layer, two type-B 3x3 layers, ReLU between: a small PixelCNN. */
    private static Layer stack(long channels) {
        long[] in = {channels, 6, 5};
        long[] hidden = {4, 6, 5};
        return new Sequential(List.of(
                new MaskedConv2d(in, 4, 5, MaskedConv2d.Type.A, Initializer.PYTORCH, D, rng(11)), new ReLU(hidden),
                new MaskedConv2d(hidden, 4, 3, MaskedConv2d.Type.B, Initializer.PYTORCH, D, rng(12)), new ReLU(hidden),
                new MaskedConv2d(hidden, 2, 3, MaskedConv2d.Type.B, Initializer.PYTORCH, D, rng(13))));
    }

    /**
     * Perturbs each input pixel (all its channels) and records which output pixels move: pixel i
     * (raster order) must move only outputs j > i, and with three layers the dependence reaches
     * back far enough that some do move.
     */
    @Test
    void outputPixelINeverDependsOnInputPixelsAtOrAfterI() {
        for (long channels : new long[] {1, 3}) {
            Layer net = stack(channels);
            INDArray x = uniform(21, 1, channels, 6, 5);
            INDArray base = net.forward(x, Pass.inference()).dup();
            int pixels = 6 * 5;
            int moved = 0;
            for (int i = 0; i < pixels; i++) {
                INDArray y = x.dup();
                for (int c = 0; c < channels; c++) {
                    y.putScalar(new long[] {0, c, i / 5, i % 5}, y.getDouble(0, c, i / 5, i % 5) + 1.0);
                }
                INDArray diff = net.forward(y, Pass.inference()).sub(base);
                for (int j = 0; j < pixels; j++) {
                    double change = 0;
                    for (int k = 0; k < 2; k++) {
                        change = Math.max(change, Math.abs(diff.getDouble(0, k, j / 5, j % 5)));
                    }
                    if (j <= i) {
                        assertEquals(0.0, change, 0.0, "output pixel " + j + " moved with input pixel " + i);
                    } else if (change > 0) {
                        moved++;
                    }
                }
            }
            assertTrue(moved > pixels * 5, "the outputs depend on earlier pixels: " + moved + " pairs");
        }
    }
}
