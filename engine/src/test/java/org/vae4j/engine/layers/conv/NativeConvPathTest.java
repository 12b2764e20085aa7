package org.vae4j.engine.layers.conv;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.engine.layers.conv.ConvTesting.rng;
import static org.vae4j.engine.layers.conv.ConvTesting.uniform;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.Layer;
import org.vae4j.api.Pass;
import org.vae4j.engine.init.Initializer;

/**
 * FLOAT batches run on libnd4j's convolution ops; they must give what the im2col reference path
 * (which the DOUBLE gradient checks cover) gives on the same weights and data: outputs, input
 * gradients, and parameter gradients that add up over two runs in one step.
 */
class NativeConvPathTest {
    private static final DataType F = DataType.FLOAT;

    private static double relative(INDArray expected, INDArray actual) {
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        return expected.sub(actual).amaxNumber().doubleValue() / scale;
    }

    private static void same(String what, Supplier<Layer> make, Runnable reference, Layer nat, Layer ref, long seed) {
        for (int i = 0; i < nat.parameters().size(); i++) {
            ref.parameters().get(i).value().assign(nat.parameters().get(i).value());
        }
        INDArray x = uniform(seed, prepend(2, nat.inputShape())).castTo(F);
        INDArray x2 = uniform(seed + 7, prepend(2, nat.inputShape())).castTo(F);
        Pass a1 = Pass.training();
        Pass a2 = Pass.training();
        Pass b1 = Pass.training();
        Pass b2 = Pass.training();
        INDArray yn = nat.forward(x, a1).dup();
        INDArray yr = ref.forward(x, b1).dup();
        assertTrue(relative(yr, yn) < 1e-5, what + ": outputs differ by " + relative(yr, yn));
        nat.forward(x2, a2);
        ref.forward(x2, b2);
        INDArray g = uniform(seed + 1, yn.shape()).castTo(F);
        INDArray dxn = nat.backward(g, a1, true).dup();
        INDArray dxr = ref.backward(g, b1, true).dup();
        assertTrue(relative(dxr, dxn) < 1e-5, what + ": input gradients differ by " + relative(dxr, dxn));
        nat.backward(g.mul(0.5), a2, false);
        ref.backward(g.mul(0.5), b2, false);
        for (int i = 0; i < nat.parameters().size(); i++) {
            double d = relative(ref.parameters().get(i).gradient(), nat.parameters().get(i).gradient());
            assertTrue(d < 1e-5, what + ": gradients of " + nat.parameters().get(i) + " differ by " + d);
        }
    }

    private static long[] prepend(long n, long[] shape) {
        long[] s = new long[shape.length + 1];
        s[0] = n;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    private static void conv(long[] in, long out, Size2d k, Size2d s, Size2d p, Size2d d, boolean bias, long seed) {
        Supplier<Layer> make = () -> new Conv2d(in, out, k, s, p, d, 1, bias, Initializer.PYTORCH, F, rng(seed));
        Conv2d nat = (Conv2d) make.get();
        Conv2d ref = (Conv2d) make.get();
        ref.useReferencePath();
        same(nat.describe(), make, null, nat, ref, seed);
    }

    private static void transposed(long[] in, long out, Size2d k, Size2d s, Size2d p, Size2d op, Size2d d,
                                   boolean bias, long seed) {
        Supplier<Layer> make = () -> new ConvTranspose2d(in, out, k, s, p, op, d, 1, bias, Initializer.PYTORCH, F,
                rng(seed));
        ConvTranspose2d nat = (ConvTranspose2d) make.get();
        ConvTranspose2d ref = (ConvTranspose2d) make.get();
        ref.useReferencePath();
        same(nat.describe(), make, null, nat, ref, seed);
    }

    @Test
    void convolutionsOfSeed000AndDcgan() {
        Size2d one = Size2d.of(1);
        conv(new long[] {1, 28, 28}, 8, Size2d.of(3), Size2d.of(2), one, one, true, 1);
        conv(new long[] {8, 14, 14}, 8, Size2d.of(3), one, one, one, true, 2);
        conv(new long[] {8, 7, 7}, 6, Size2d.of(3), Size2d.of(2), one, one, true, 3);
        conv(new long[] {1, 28, 28}, 4, Size2d.of(4), Size2d.of(2), one, one, true, 4);
        conv(new long[] {3, 9, 8}, 5, Size2d.of(3, 2), Size2d.of(2, 1), Size2d.of(1, 0), Size2d.of(1, 2), false, 5);
    }

    @Test
    void transposedConvolutionsCropTheirFullOutput() {
        Size2d one = Size2d.of(1);
        Size2d zero = Size2d.of(0);
        // seed 000's decoder: 4 -> 7 (no output padding), 7 -> 14 and 14 -> 28 (output padding 1)
        transposed(new long[] {6, 4, 4}, 8, Size2d.of(3), Size2d.of(2), one, zero, one, true, 11);
        transposed(new long[] {8, 7, 7}, 8, Size2d.of(3), Size2d.of(2), one, one, one, true, 12);
        // DCGAN's: kernel 4, stride 2, padding 1
        transposed(new long[] {8, 7, 7}, 4, Size2d.of(4), Size2d.of(2), one, zero, one, true, 13);
        // no padding at all, and no bias
        transposed(new long[] {3, 5, 6}, 2, Size2d.of(3), one, zero, zero, one, false, 14);
    }
}
