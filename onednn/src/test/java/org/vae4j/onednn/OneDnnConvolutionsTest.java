package org.vae4j.onednn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.api.Pass;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.conv.Conv2d;
import org.vae4j.engine.layers.conv.ConvTranspose2d;
import org.vae4j.engine.layers.conv.ConvolutionKernels;
import org.vae4j.engine.layers.conv.ConvolutionKernels.Window;
import org.vae4j.engine.layers.conv.Size2d;

/**
 * The oneDNN kernels against the layers' DOUBLE im2col path, which the engine's finite-difference
 * gradient checks cover: a FLOAT layer (which, with this module on the class path, runs on the
 * kernels) and a DOUBLE layer with the same weights must give the same outputs, input gradients and
 * parameter gradients (accumulated over two runs in one step), to float precision.
 */
class OneDnnConvolutionsTest {
    private static final Size2d ONE = Size2d.of(1);
    private static final Size2d ZERO = Size2d.of(0);

    private static Random rng(long seed) {
        Random r = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        return r;
    }

    private static INDArray uniform(long seed, long... shape) {
        return Nd4j.rand(rng(seed), shape).castTo(DataType.DOUBLE).subi(0.5).muli(2);
    }

    private static double relative(INDArray expected, INDArray actual) {
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        return expected.sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue() / scale;
    }

    private static long[] batch(long n, long[] shape) {
        long[] s = new long[shape.length + 1];
        s[0] = n;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    /** The FLOAT layer (kernels) against the DOUBLE one (reference), same weights and data. */
    private static void same(Function<DataType, Layer> make, long seed) {
        Layer f = make.apply(DataType.FLOAT);
        Layer d = make.apply(DataType.DOUBLE);
        for (int i = 0; i < f.parameters().size(); i++) {
            f.parameters().get(i).value().assign(d.parameters().get(i).value());
        }
        String what = f.describe();
        long runs = OneDnnConvolutions.RUNS.get();
        INDArray x = uniform(seed, batch(3, f.inputShape()));
        INDArray x2 = uniform(seed + 7, batch(3, f.inputShape()));
        Pass fa = Pass.training();
        Pass fb = Pass.training();
        Pass da = Pass.training();
        Pass db = Pass.training();
        INDArray yf = f.forward(x.castTo(DataType.FLOAT), fa).dup();
        INDArray yd = d.forward(x, da).dup();
        assertTrue(relative(yd, yf) < 2e-6, what + ": outputs differ by " + relative(yd, yf));
        f.forward(x2.castTo(DataType.FLOAT), fb);
        d.forward(x2, db);
        INDArray g = uniform(seed + 1, yd.shape());
        INDArray dxf = f.backward(g.castTo(DataType.FLOAT), fa, true).dup();
        INDArray dxd = d.backward(g, da, true).dup();
        assertTrue(relative(dxd, dxf) < 2e-6, what + ": input gradients differ by " + relative(dxd, dxf));
        // the second run in the step skips the input gradient, and its parameter gradients add up
        f.backward(g.mul(0.5).castTo(DataType.FLOAT), fb, false);
        d.backward(g.mul(0.5), db, false);
        for (int i = 0; i < f.parameters().size(); i++) {
            double r = relative(d.parameters().get(i).gradient(), f.parameters().get(i).gradient());
            assertTrue(r < 2e-6, what + ": gradients of " + f.parameters().get(i) + " differ by " + r);
        }
        // two forward and two backward runs, all four on oneDNN
        assertEquals(runs + 4, OneDnnConvolutions.RUNS.get(), what + " did not run on the kernels");
    }

    private static void conv(long[] in, long out, Size2d k, Size2d s, Size2d p, boolean bias, long seed) {
        same(t -> new Conv2d(in, out, k, s, p, ONE, 1, bias, Initializer.PYTORCH, t, rng(seed)), seed);
    }

    private static void transposed(long[] in, long out, Size2d k, Size2d s, Size2d p, Size2d op, boolean bias,
                                   long seed) {
        same(t -> new ConvTranspose2d(in, out, k, s, p, op, ONE, 1, bias, Initializer.PYTORCH, t, rng(seed)), seed);
    }

    @Test
    void theEngineFindsTheKernels() {
        Iterator<ConvolutionKernels> found = ServiceLoader.load(ConvolutionKernels.class).iterator();
        assertTrue(found.hasNext());
        assertInstanceOf(OneDnnConvolutions.class, found.next());
    }

    @Test
    void convolutionsOfSeed000AndDcgan() {
        conv(new long[] {1, 28, 28}, 8, Size2d.of(3), Size2d.of(2), ONE, true, 1);
        conv(new long[] {8, 14, 14}, 8, Size2d.of(3), ONE, ONE, true, 2);
        conv(new long[] {8, 7, 7}, 6, Size2d.of(3), Size2d.of(2), ONE, true, 3);
        conv(new long[] {1, 28, 28}, 4, Size2d.of(4), Size2d.of(2), ONE, false, 4);
        conv(new long[] {3, 9, 8}, 5, Size2d.of(3, 2), Size2d.of(2, 1), Size2d.of(1, 0), true, 5);
        conv(new long[] {16, 5, 5}, 32, Size2d.of(5), ONE, Size2d.of(2), true, 6);
    }

    @Test
    void transposedConvolutionsTakeTheirOutputPaddingDirectly() {
        // seed 000's decoder: 4 -> 7 (no output padding), 7 -> 14 and 14 -> 28 (output padding 1)
        transposed(new long[] {6, 4, 4}, 8, Size2d.of(3), Size2d.of(2), ONE, ZERO, true, 11);
        transposed(new long[] {8, 7, 7}, 8, Size2d.of(3), Size2d.of(2), ONE, ONE, true, 12);
        transposed(new long[] {8, 14, 14}, 16, Size2d.of(3), Size2d.of(2), ONE, ONE, true, 15);
        // DCGAN's: kernel 4, stride 2, padding 1
        transposed(new long[] {8, 7, 7}, 4, Size2d.of(4), Size2d.of(2), ONE, ZERO, true, 13);
        // no padding, no bias; and output padding on one axis only
        transposed(new long[] {3, 5, 6}, 2, Size2d.of(3), ONE, ZERO, ZERO, false, 14);
        transposed(new long[] {3, 5, 6}, 2, Size2d.of(3), Size2d.of(3, 2), Size2d.of(2, 1), Size2d.of(1, 0), true, 16);
    }

    @Test
    void sameInputsGiveTheSameBits() {
        OneDnnConvolutions k = new OneDnnConvolutions();
        INDArray x = uniform(1, 16, 32, 14, 14).castTo(DataType.FLOAT);
        INDArray w = uniform(2, 32, 32, 3, 3).castTo(DataType.FLOAT);
        INDArray b = uniform(3, 32).castTo(DataType.FLOAT);
        INDArray gy = uniform(4, 16, 32, 14, 14).castTo(DataType.FLOAT);
        Window g = new Window(Size2d.of(3), ONE, ONE, ONE, ONE);
        INDArray[] first = null;
        for (int run = 0; run < 3; run++) {
            INDArray y = Nd4j.create(DataType.FLOAT, 16, 32, 14, 14);
            INDArray gx = Nd4j.create(DataType.FLOAT, 16, 32, 14, 14);
            INDArray gw = Nd4j.create(DataType.FLOAT, 32, 32, 3, 3);
            INDArray gb = Nd4j.create(DataType.FLOAT, 32);
            assertTrue(k.convolve(x, w, b, y, g));
            assertTrue(k.convolveBackward(x, w, gy, gx, gw, gb, g));
            INDArray[] now = {y, gx, gw, gb};
            if (first == null) {
                first = now;
            } else {
                for (int i = 0; i < now.length; i++) {
                    assertArrayEquals(first[i].data().asFloat(), now[i].data().asFloat(), 0f, "array " + i);
                }
            }
        }
    }

    @Test
    void arraysItCannotServeAreLeftToLibnd4j() {
        OneDnnConvolutions k = new OneDnnConvolutions();
        Window g = new Window(Size2d.of(3), ONE, ONE, ONE, ONE);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 2, 4, 5, 5);
        // DOUBLE data
        assertFalse(k.convolve(Nd4j.ones(DataType.DOUBLE, 2, 3, 5, 5), Nd4j.ones(DataType.DOUBLE, 4, 3, 3, 3), null,
                y, g));
        // a view whose elements are not dense (some of the channels), and an array in Fortran order
        INDArray big = Nd4j.ones(DataType.FLOAT, 2, 5, 5, 5);
        assertFalse(k.convolve(big.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 4)),
                Nd4j.ones(DataType.FLOAT, 4, 3, 3, 3), null, y, g));
        assertFalse(k.convolve(Nd4j.ones(DataType.FLOAT, 2, 3, 5, 5).dup('f'),
                Nd4j.ones(DataType.FLOAT, 4, 3, 3, 3), null, y, g));
        // output padding beyond the padding (a negative padding after)
        assertFalse(k.transposed(Nd4j.ones(DataType.FLOAT, 2, 3, 5, 5), Nd4j.ones(DataType.FLOAT, 3, 4, 3, 3), null,
                Nd4j.zeros(DataType.FLOAT, 2, 4, 12, 12), new Window(Size2d.of(3), Size2d.of(2), ZERO, Size2d.of(-1),
                        ONE)));
        assertEquals(0.0, y.sumNumber().doubleValue());
    }

    @Test
    void parametersAreViewsIntoOneFlatVectorAndAreServedInPlace() {
        OneDnnConvolutions k = new OneDnnConvolutions();
        Window g = new Window(Size2d.of(3), Size2d.of(2), ONE, ONE, ONE);
        INDArray x = uniform(1, 4, 3, 7, 7).castTo(DataType.FLOAT);
        INDArray flat = uniform(2, 200).castTo(DataType.FLOAT);
        // as the parameter store lays them out: intervals of a flat vector, reshaped
        INDArray w = flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(17, 17 + 5 * 3 * 9)).reshape('c', 5, 3,
                3, 3);
        INDArray b = flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(160, 165));
        INDArray y = Nd4j.create(DataType.FLOAT, 4, 5, 4, 4);
        INDArray y2 = Nd4j.create(DataType.FLOAT, 4, 5, 4, 4);
        assertTrue(k.convolve(x, w, b, y, g));
        assertTrue(k.convolve(x, w.dup(), b.dup(), y2, g));
        assertEquals(y2, y);
        INDArray gy = uniform(3, 4, 5, 4, 4).castTo(DataType.FLOAT);
        INDArray gradFlat = Nd4j.zeros(DataType.FLOAT, 200);
        INDArray gw = gradFlat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(17, 17 + 5 * 3 * 9)).reshape('c',
                5, 3, 3, 3);
        INDArray gb = gradFlat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(160, 165));
        INDArray gw2 = Nd4j.create(DataType.FLOAT, 5, 3, 3, 3);
        INDArray gb2 = Nd4j.create(DataType.FLOAT, 5);
        assertTrue(k.convolveBackward(x, w, gy, null, gw, gb, g));
        assertTrue(k.convolveBackward(x, w.dup(), gy, null, gw2, gb2, g));
        assertEquals(gw2, gw);
        assertEquals(gb2, gb);
        // and nothing outside the two views was written
        assertEquals(0.0, gradFlat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 17)).amaxNumber()
                .doubleValue());
        assertEquals(0.0, gradFlat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(165, 200)).amaxNumber()
                .doubleValue());
    }


    @Test
    void moreShapesThanItKeepsStillComputeRightly() {
        OneDnnConvolutions k = new OneDnnConvolutions();
        Window g = new Window(Size2d.of(3), ONE, ONE, ONE, ONE);
        INDArray w = Nd4j.ones(DataType.FLOAT, 1, 1, 3, 3);
        for (int n = 1; n <= OneDnnConvolutions.PLANS + 5; n++) {
            INDArray x = Nd4j.ones(DataType.FLOAT, n, 1, 3, 3);
            INDArray y = Nd4j.zeros(DataType.FLOAT, n, 1, 3, 3);
            assertTrue(k.convolve(x, w, null, y, g));
            // the centre sees all nine ones, a corner four
            assertEquals(9f * n, y.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(1),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(1)).sumNumber().floatValue(), 1e-4f);
            assertEquals(4f, y.getFloat(0, 0, 0, 0), 1e-6f);
        }
    }
}
