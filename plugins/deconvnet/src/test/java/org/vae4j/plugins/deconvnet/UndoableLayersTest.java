package org.vae4j.plugins.deconvnet;

import org.vae4j.api.Pass;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.engine.testing.Arrays.assertClose;
import static org.vae4j.engine.testing.Arrays.rng;
import static org.vae4j.engine.testing.Arrays.uniform;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vae4j.api.Layer;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Dense;
import org.vae4j.engine.layers.ELU;
import org.vae4j.engine.layers.ReLU;
import org.vae4j.engine.layers.conv.AvgPool2d;
import org.vae4j.engine.layers.conv.Conv2d;
import org.vae4j.engine.layers.conv.Flatten;
import org.vae4j.engine.layers.conv.MaxPool2d;
import org.vae4j.engine.layers.conv.Size2d;

/** Seed 004, exercise 1: the undo of each layer, its shapes and its values. */
class UndoableLayersTest {
    private final Pass pass = Pass.training();
    private static final long[] IMAGE = {3, 32, 32};

    private static Conv2d conv(long[] in, long out, Size2d k, Size2d s, Size2d p, Size2d d, long groups,
            DataType type, long seed) {
        return new Conv2d(in, out, k, s, p, d, groups, true, Initializer.PYTORCH, type, rng(seed));
    }

    /** Seed 004: {@code MaxPool2d(kernel_size=2)} on ones(1, 3, 32, 32): the output is the pooling's, the undo x's shape. */
    @Test
    void maxPoolKernel2OutputIsThePoolingsAndUndoHasTheInputShape() {
        INDArray x = Nd4j.ones(DataType.FLOAT, 1, 3, 32, 32);
        MaxPool2d pool = new MaxPool2d(IMAGE, 2);
        UndoableMaxPool2d wrapped = new UndoableMaxPool2d(pool);
        Undoable.Forward<UndoableMaxPool2d.Switches> f = wrapped.forward(x);
        assertClose(pool.forward(x, Pass.inference()), f.output(), 1e-7);
        assertArrayEquals(x.shape(), wrapped.undo(f.output(), f.context()).shape());
    }

    /** Seed 004: {@code MaxPool2d(kernel_size=3)} drops two border rows of 32; the undo pads them back. */
    @Test
    void maxPoolKernel3UndoPadsTheDroppedBorderBack() {
        INDArray x = Nd4j.ones(DataType.FLOAT, 1, 3, 32, 32);
        MaxPool2d pool = new MaxPool2d(IMAGE, 3);
        UndoableMaxPool2d wrapped = new UndoableMaxPool2d(pool);
        Undoable.Forward<UndoableMaxPool2d.Switches> f = wrapped.forward(x);
        assertArrayEquals(new long[] {1, 3, 10, 10}, f.output().shape());
        assertClose(pool.forward(x, Pass.inference()), f.output(), 1e-7);
        INDArray back = wrapped.undo(f.output(), f.context());
        assertArrayEquals(x.shape(), back.shape());
        assertEquals(Size2d.of(32, 32), f.context().inputSize());
        // ties go to the first position of each window; rows and columns 30, 31 were never read
        assertEquals(1.0, back.getDouble(0, 0, 0, 0));
        assertEquals(0.0, back.getDouble(0, 0, 1, 1));
        assertEquals(0.0, back.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(30, 32),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).sumNumber().doubleValue());
        assertEquals(300.0, back.sumNumber().doubleValue());
    }

    /** The switches: each value goes back to its window's argmax, and the undo is the pooling's backward pass. */
    @Test
    void maxPoolUndoPutsValuesAtTheArgmaxAndEqualsTheBackwardPass() {
        long[] in = {2, 9, 11};
        for (Size2d[] cfg : List.of(new Size2d[] {Size2d.of(3), Size2d.of(2), Size2d.of(0)},
                new Size2d[] {Size2d.of(2), Size2d.of(2), Size2d.of(1)},
                new Size2d[] {Size2d.of(3, 2), Size2d.of(1, 2), Size2d.of(1, 0)})) {
            MaxPool2d pool = new MaxPool2d(in, cfg[0], cfg[1], cfg[2]);
            UndoableMaxPool2d wrapped = new UndoableMaxPool2d(pool);
            INDArray x = uniform(DataType.DOUBLE, 3, 2, 2, 9, 11);
            Undoable.Forward<UndoableMaxPool2d.Switches> f = wrapped.forward(x);
            INDArray y = f.output();
            // each remembered position holds the window's maximum
            int[] idx = f.context().indices();
            INDArray flat = x.reshape(4, 99);
            INDArray yFlat = y.reshape(4, y.length() / 4);
            for (int i = 0; i < idx.length; i++) {
                int plane = (int) (i / yFlat.size(1));
                assertEquals(yFlat.getDouble(plane, i % yFlat.size(1)), flat.getDouble(plane, idx[i]), 0.0);
            }
            INDArray signal = uniform(DataType.DOUBLE, 4, y.shape());
            pool.forward(x, pass);
            assertClose(pool.backward(signal, pass, true), wrapped.undo(signal, f.context()), 1e-12);
        }
    }

    /** Seed 004: {@code Conv2d(3, 16, 7)}: the output is the convolution's, the context (32, 32), the undo x's shape. */
    @Test
    void convKernel7OutputIsTheConvolutionsContextIsTheInputSizeAndUndoHasItsShape() {
        INDArray x = Nd4j.ones(DataType.FLOAT, 1, 3, 32, 32);
        Conv2d conv = new Conv2d(IMAGE, 16, 7, 1, 0, Initializer.PYTORCH, DataType.FLOAT, rng(1));
        UndoableConv2d wrapped = new UndoableConv2d(conv);
        Undoable.Forward<Size2d> f = wrapped.forward(x);
        assertClose(conv.forward(x, Pass.inference()), f.output(), 1e-6);
        assertEquals(Size2d.of(32, 32), f.context());
        assertArrayEquals(x.shape(), wrapped.undo(f.output(), f.context()).shape());
    }

    /** Seed 004: {@code Conv2d(3, 16, 7, stride=2)}: 32 -> 13 -> back to 32 with output padding 1. */
    @Test
    void convKernel7Stride2UndoComesBack32x32() {
        INDArray x = Nd4j.ones(DataType.FLOAT, 1, 3, 32, 32);
        Conv2d conv = new Conv2d(IMAGE, 16, 7, 2, 0, Initializer.PYTORCH, DataType.FLOAT, rng(1));
        UndoableConv2d wrapped = new UndoableConv2d(conv);
        Undoable.Forward<Size2d> f = wrapped.forward(x);
        assertArrayEquals(new long[] {1, 16, 13, 13}, f.output().shape());
        assertEquals(Size2d.of(1, 1), wrapped.outputPadding(13, 13, f.context()));
        assertArrayEquals(x.shape(), wrapped.undo(f.output(), f.context()).shape());
    }

    /**
     * The undo is the transposed convolution with the same weights and no bias, i.e. the
     * convolution's input gradient, for strides, paddings, dilations and groups, and any input
     * size a strided convolution maps onto the same output size.
     */
    @Test
    void convUndoIsTheInputGradientForAnyStridePaddingDilationAndGroups() {
        record Cfg(long[] in, long out, Size2d k, Size2d s, Size2d p, Size2d d, long g) {
        }
        List<Cfg> cfgs = List.of(
                new Cfg(new long[] {3, 32, 32}, 16, Size2d.of(7), Size2d.of(2), Size2d.of(0), Size2d.of(1), 1),
                new Cfg(new long[] {4, 13, 10}, 6, Size2d.of(3), Size2d.of(3), Size2d.of(1), Size2d.of(1), 2),
                new Cfg(new long[] {6, 12, 15}, 9, Size2d.of(3, 2), Size2d.of(2, 3), Size2d.of(2, 1), Size2d.of(2, 1), 3),
                new Cfg(new long[] {2, 17, 17}, 4, Size2d.of(5), Size2d.of(4), Size2d.of(2), Size2d.of(1), 2),
                new Cfg(new long[] {3, 20, 19}, 5, Size2d.of(3), Size2d.of(1), Size2d.of(2), Size2d.of(3), 1));
        long seed = 10;
        for (Cfg c : cfgs) {
            Conv2d conv = conv(c.in(), c.out(), c.k(), c.s(), c.p(), c.d(), c.g(), DataType.DOUBLE, seed++);
            UndoableConv2d wrapped = new UndoableConv2d(conv);
            INDArray x = uniform(DataType.DOUBLE, seed++, 2, c.in()[0], c.in()[1], c.in()[2]);
            Undoable.Forward<Size2d> f = wrapped.forward(x);
            INDArray signal = uniform(DataType.DOUBLE, seed++, f.output().shape());
            conv.forward(x, pass);
            INDArray expected = conv.backward(signal, pass, true).dup();
            INDArray undone = wrapped.undo(signal, f.context());
            assertClose(expected, undone, 1e-12);
        }
    }

    /** The bias plays no part in the undo. */
    @Test
    void convUndoIgnoresTheBias() {
        Conv2d conv = conv(IMAGE, 4, Size2d.of(3), Size2d.of(1), Size2d.of(1), Size2d.of(1), 1, DataType.DOUBLE, 2);
        UndoableConv2d wrapped = new UndoableConv2d(conv);
        INDArray signal = uniform(DataType.DOUBLE, 3, 1, 4, 32, 32);
        INDArray before = wrapped.undo(signal, Size2d.of(32, 32));
        conv.bias().value().addi(100);
        assertClose(before, wrapped.undo(signal, Size2d.of(32, 32)), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> wrapped.undo(signal, Size2d.of(40, 32)));
    }

    /** The deconvnet rule: the undo is a ReLU of the signal, whatever the forward input was. */
    @Test
    void reluUndoRectifiesTheSignalNotTheInput() {
        UndoableReLU wrapped = new UndoableReLU(new ReLU(2, 3));
        INDArray x = Nd4j.createFromArray(new double[][][] {{{-1, 2, -3}, {4, -5, 6}}});
        Undoable.Forward<Void> f = wrapped.forward(x);
        assertClose(Transforms.relu(x, true), f.output(), 0);
        INDArray signal = Nd4j.createFromArray(new double[][][] {{{5, -1, 2}, {-3, 7, -8}}});
        assertClose(Nd4j.createFromArray(new double[][][] {{{5, 0, 2}, {0, 7, 0}}}), wrapped.undo(signal, null), 0);
    }

    /** Average pooling: each value spread over its window (nearest upsampling), unread borders zero. */
    @Test
    void avgPoolUndoSpreadsEachValueOverItsWindow() {
        UndoableAvgPool2d wrapped = new UndoableAvgPool2d(new AvgPool2d(new long[] {1, 5, 5}, 2));
        INDArray x = uniform(DataType.DOUBLE, 4, 1, 1, 5, 5);
        Undoable.Forward<long[]> f = wrapped.forward(x);
        INDArray y = Nd4j.createFromArray(new double[][][][] {{{{1, 2}, {3, 4}}}});
        INDArray back = wrapped.undo(y, f.context());
        assertClose(Nd4j.createFromArray(new double[][][][] {{{{1, 1, 2, 2, 0}, {1, 1, 2, 2, 0}, {3, 3, 4, 4, 0},
            {3, 3, 4, 4, 0}, {0, 0, 0, 0, 0}}}}), back, 1e-12);
    }

    /** Flatten and reshape come back to the input's shape; a dense layer by its transposed weights; ELU by its gradient. */
    @Test
    void flattenDenseAndOtherActivationsUndoByTheirAdjoints() {
        UndoableReshape flat = new UndoableReshape(new Flatten(2, 3, 4));
        INDArray x = uniform(DataType.DOUBLE, 5, 2, 2, 3, 4);
        Undoable.Forward<long[]> f = flat.forward(x);
        assertArrayEquals(new long[] {2, 24}, f.output().shape());
        assertClose(x, flat.undo(f.output(), f.context()), 0);

        Dense dense = new Dense(24, 7, Initializer.PYTORCH, DataType.DOUBLE, rng(6));
        UndoableDense ud = new UndoableDense(dense);
        INDArray signal = uniform(DataType.DOUBLE, 7, 2, 7);
        assertClose(signal.mmul(dense.parameters().get(0).value().transpose()), ud.undo(signal, null), 1e-12);

        ELU elu = new ELU(1.0, 24);
        UndoableActivation ua = new UndoableActivation(elu);
        INDArray in = uniform(DataType.DOUBLE, 8, 2, 24);
        Undoable.Forward<INDArray> g = ua.forward(in);
        INDArray s = uniform(DataType.DOUBLE, 9, 2, 24);
        elu.forward(in, pass);
        assertClose(elu.backward(s, pass, true), ua.undo(s, g.context()), 1e-12);
    }

    /** The wrappers the sequence picks, and none for a layer without an undo rule. */
    @Test
    void undoablesWrapTheSupportedLayersOnly() {
        assertTrue(Undoables.wrap(new ReLU(3)).orElseThrow() instanceof UndoableReLU);
        assertTrue(Undoables.wrap(new MaxPool2d(IMAGE, 2)).orElseThrow() instanceof UndoableMaxPool2d);
        assertTrue(Undoables.wrap(new Conv2d(IMAGE, 2, 3, 1, 0, Initializer.PYTORCH, DataType.FLOAT, rng(1)))
                .orElseThrow() instanceof UndoableConv2d);
        assertTrue(Undoables.wrap(new ELU(1.0, 3)).orElseThrow() instanceof UndoableActivation);
        Layer custom = new Layer() {
            @Override
            public long[] inputShape() {
                return new long[] {3};
            }

            @Override
            public long[] outputShape() {
                return new long[] {3};
            }

            @Override
            public INDArray forward(INDArray input, Pass pass) {
                return input;
            }

            @Override
            public INDArray backward(INDArray gradOutput, Pass pass, boolean needInputGradient) {
                return gradOutput;
            }
        };
        assertTrue(Undoables.wrap(custom).isEmpty());
    }
}
