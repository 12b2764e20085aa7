package org.vae4j.engine.layers.conv;

import org.vae4j.api.Pass;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.engine.layers.conv.ConvTesting.rng;
import static org.vae4j.engine.layers.conv.ConvTesting.uniform;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vae4j.api.Parameter;
import org.vae4j.engine.init.Initializer;

/** Forward values against hand-computed cases and direct loop implementations of the definitions. */
class ConvValuesTest {
    private final Pass pass = Pass.training();
    private static final DataType D = DataType.DOUBLE;
    private static final Size2d ONE = Size2d.of(1);

    private static INDArray image3x3() {
        return Nd4j.createFromArray(1.0, 2, 3, 4, 5, 6, 7, 8, 9).reshape(1, 1, 3, 3);
    }

    private static INDArray grid(double[][] rows) {
        return Nd4j.createFromArray(rows).reshape(1, 1, rows.length, rows[0].length);
    }

    private static void assertClose(INDArray expected, INDArray actual, double tol) {
        assertArrayEquals(expected.shape(), actual.shape());
        double diff = Transforms.abs(expected.sub(actual), false).maxNumber().doubleValue();
        assertTrue(diff <= tol, "max difference " + diff + "\nexpected " + expected + "\nactual " + actual);
    }

    private static void set(Parameter p, double... values) {
        p.value().assign(Nd4j.createFromArray(values).reshape(p.value().shape()));
    }

    @Test
    void conv2dIsCrossCorrelationWithPyTorchWeightLayout() {
        Conv2d conv = new Conv2d(new long[] {1, 3, 3}, 1, 2, 1, 0, Initializer.PYTORCH, D, rng(1));
        assertArrayEquals(new long[] {1, 1, 2, 2}, conv.parameters().get(0).value().shape());
        assertArrayEquals(new long[] {1}, conv.parameters().get(1).value().shape());
        set(conv.parameters().get(0), 1, 2, 3, 4);
        set(conv.parameters().get(1), 0.5);
        // top-left: 1*1 + 2*2 + 4*3 + 5*4 = 37, plus the bias
        assertClose(grid(new double[][] {{37.5, 47.5}, {67.5, 77.5}}), conv.forward(image3x3(), Pass.inference()), 1e-12);
    }

    @Test
    void conv2dStride2Padding1ByHand() {
        Conv2d conv = new Conv2d(new long[] {1, 3, 3}, 1, 2, 2, 1, Initializer.PYTORCH, D, rng(2));
        set(conv.parameters().get(0), 1, 2, 3, 4);
        set(conv.parameters().get(1), 0);
        // windows start at -1 and 1: [-1..0]x[-1..0] sees only x00 under w11 = 4, and so on
        assertClose(grid(new double[][] {{4, 18}, {36, 77}}), conv.forward(image3x3(), Pass.inference()), 1e-12);
    }

    @Test
    void convTranspose2dScattersEachInputThroughTheKernel() {
        ConvTranspose2d up = new ConvTranspose2d(new long[] {1, 2, 2}, 1, 2, 1, 0, 0, Initializer.PYTORCH, D, rng(3));
        set(up.parameters().get(0), 1, 2, 3, 4);
        set(up.parameters().get(1), 0);
        INDArray x = grid(new double[][] {{1, 2}, {3, 4}});
        assertClose(grid(new double[][] {{1, 4, 4}, {6, 20, 16}, {9, 24, 16}}), up.forward(x, Pass.inference()), 1e-12);
        // stride 2 with a ones kernel: every input pixel becomes a 2x2 block
        ConvTranspose2d blocks = new ConvTranspose2d(new long[] {1, 2, 2}, 1, 2, 2, 0, 0, Initializer.PYTORCH, D,
                rng(4));
        set(blocks.parameters().get(0), 1, 1, 1, 1);
        set(blocks.parameters().get(1), 0);
        assertClose(grid(new double[][] {{1, 1, 2, 2}, {1, 1, 2, 2}, {3, 3, 4, 4}, {3, 3, 4, 4}}),
                blocks.forward(x, Pass.inference()), 1e-12);
    }

    @Test
    void conv2dMatchesTheDefinitionInEveryConfiguration() {
        record Case(long[] in, long out, Size2d k, Size2d s, Size2d p, Size2d d, int groups, boolean bias) {
        }
        List<Case> cases = List.of(
                new Case(new long[] {3, 7, 7}, 4, Size2d.of(3), Size2d.of(2), ONE, ONE, 1, true),
                new Case(new long[] {2, 6, 6}, 2, Size2d.of(3), Size2d.of(2), ONE, ONE, 1, true),
                new Case(new long[] {2, 7, 7}, 3, Size2d.of(3), ONE, Size2d.of(2), Size2d.of(2), 1, true),
                new Case(new long[] {4, 5, 6}, 6, Size2d.of(3, 2), Size2d.of(1, 2), Size2d.of(1, 0), ONE, 2, false),
                new Case(new long[] {6, 5, 5}, 3, Size2d.of(3), ONE, ONE, ONE, 3, true));
        long seed = 10;
        for (Case c : cases) {
            Conv2d conv = new Conv2d(c.in, c.out, c.k, c.s, c.p, c.d, c.groups, c.bias, Initializer.PYTORCH, D,
                    rng(seed));
            INDArray x = uniform(seed + 100, 2, c.in[0], c.in[1], c.in[2]);
            INDArray w = conv.parameters().get(0).value();
            INDArray b = c.bias ? conv.parameters().get(1).value() : null;
            INDArray expected = ConvTesting.conv2d(x, w, b, c.s, c.p, c.d, c.groups);
            assertClose(expected, conv.forward(x, Pass.inference()), 1e-12);
            assertArrayEquals(expected.shape(), org.vae4j.engine.layers.Shapes.withBatch(2, conv.outputShape()));
            seed++;
        }
    }

    @Test
    void convTranspose2dMatchesTheDefinitionInEveryConfiguration() {
        record Case(long[] in, long out, Size2d k, Size2d s, Size2d p, Size2d op, Size2d d, int groups, boolean bias) {
        }
        List<Case> cases = List.of(
                new Case(new long[] {3, 4, 4}, 2, Size2d.of(3), Size2d.of(2), ONE, ONE, ONE, 1, true),
                new Case(new long[] {3, 4, 4}, 2, Size2d.of(3), Size2d.of(2), ONE, Size2d.of(0), ONE, 1, true),
                new Case(new long[] {2, 4, 4}, 2, Size2d.of(3), ONE, ONE, ONE, Size2d.of(2), 1, true),
                new Case(new long[] {4, 3, 4}, 6, Size2d.of(2, 3), Size2d.of(2, 1), Size2d.of(0, 1), Size2d.of(1, 0),
                        ONE, 2, false),
                new Case(new long[] {2, 5, 5}, 3, Size2d.of(3), Size2d.of(3), Size2d.of(2), Size2d.of(2), ONE, 1,
                        true));
        long seed = 20;
        for (Case c : cases) {
            ConvTranspose2d up = new ConvTranspose2d(c.in, c.out, c.k, c.s, c.p, c.op, c.d, c.groups, c.bias,
                    Initializer.PYTORCH, D, rng(seed));
            INDArray x = uniform(seed + 100, 2, c.in[0], c.in[1], c.in[2]);
            INDArray w = up.parameters().get(0).value();
            INDArray b = c.bias ? up.parameters().get(1).value() : null;
            INDArray expected = ConvTesting.convTranspose2d(x, w, b, c.s, c.p, c.op, c.d, c.groups);
            assertClose(expected, up.forward(x, Pass.inference()), 1e-12);
            seed++;
        }
    }

    @Test
    void convTransposeWithTheSameWeightIsTheAdjointOfConv() {
        // PyTorch's defining property: <conv(x; W), y> = <x, convT(y; W)> for the same W tensor
        long[] in = {4, 7, 7};
        Size2d k = Size2d.of(3);
        Size2d s = Size2d.of(2);
        Conv2d conv = new Conv2d(in, 6, k, s, ONE, ONE, 2, false, Initializer.PYTORCH, D, rng(30));
        ConvTranspose2d convT = new ConvTranspose2d(conv.outputShape(), 4, k, s, ONE, Size2d.of(0), ONE, 2, false,
                Initializer.PYTORCH, D, rng(31));
        assertArrayEquals(in, convT.outputShape());
        assertArrayEquals(conv.parameters().get(0).value().shape(), convT.parameters().get(0).value().shape());
        convT.parameters().get(0).value().assign(conv.parameters().get(0).value());
        INDArray x = uniform(32, 2, 4, 7, 7);
        INDArray y = uniform(33, 2, 6, 4, 4);
        double left = conv.forward(x, Pass.inference()).mul(y).sumNumber().doubleValue();
        double right = x.mul(convT.forward(y, Pass.inference())).sumNumber().doubleValue();
        assertEquals(left, right, 1e-10 * Math.abs(left));
    }

    @Test
    void maxPoolTakesWindowMaximaAndRoutesGradientToTheFirstArgmax() {
        MaxPool2d pool = new MaxPool2d(new long[] {1, 4, 4}, 2);
        INDArray x = grid(new double[][] {
            {1, 5, 2, 2},
            {3, 4, 2, 2},
            {0, -1, 7, 9},
            {-2, -3, 9, 8}});
        assertClose(grid(new double[][] {{5, 2}, {0, 9}}), pool.forward(x, pass), 0);
        INDArray g = pool.backward(grid(new double[][] {{10, 20}, {30, 40}}), pass, true);
        // ties (the 2s, the 9s) send the whole gradient to the first maximum in row-major order
        assertClose(grid(new double[][] {
            {0, 10, 20, 0},
            {0, 0, 0, 0},
            {30, 0, 0, 40},
            {0, 0, 0, 0}}), g, 0);
    }

    @Test
    void maxPoolPaddingNeverWins() {
        MaxPool2d pool = new MaxPool2d(new long[] {1, 3, 3}, Size2d.of(2), Size2d.of(2), ONE);
        INDArray x = image3x3().neg();
        // windows [-1..0]x[-1..0] etc.; an implicit zero pad would win every one of them
        assertClose(grid(new double[][] {{-1, -2}, {-4, -5}}), pool.forward(x, Pass.inference()), 0);
    }

    @Test
    void avgPoolCountsPaddingAsZerosLikeCountIncludePad() {
        AvgPool2d pool = new AvgPool2d(new long[] {1, 3, 3}, Size2d.of(2), Size2d.of(2), ONE);
        // every window divides by 4, also the corner window that holds only x00 = 1
        assertClose(grid(new double[][] {{0.25, 1.25}, {2.75, 7.0}}), pool.forward(image3x3(), pass), 1e-12);
        INDArray g = pool.backward(Nd4j.ones(D, 1, 1, 2, 2), pass, true);
        assertClose(Nd4j.valueArrayOf(new long[] {1, 1, 3, 3}, 0.25), g, 1e-12);
    }

    @Test
    void upsampleRepeatsPixelsAndSumsGradients() {
        Upsample up = new Upsample(new long[] {1, 2, 2}, Size2d.of(2, 3));
        INDArray x = grid(new double[][] {{1, 2}, {3, 4}});
        assertClose(grid(new double[][] {
            {1, 1, 1, 2, 2, 2},
            {1, 1, 1, 2, 2, 2},
            {3, 3, 3, 4, 4, 4},
            {3, 3, 3, 4, 4, 4}}), up.forward(x, pass), 0);
        INDArray g = up.backward(Nd4j.linspace(D, 1, 24, 1).reshape(1, 1, 4, 6), pass, true);
        // block sums: rows 0-1 x cols 0-2 is 1+2+3 + 7+8+9
        assertClose(grid(new double[][] {{30, 48}, {102, 120}}), g, 1e-12);
    }

    @Test
    void flattenIsChannelMajorLikePyTorch() {
        Flatten flat = new Flatten(2, 2, 2);
        INDArray x = Nd4j.linspace(D, 0, 16, 1).reshape(2, 2, 2, 2);
        INDArray y = flat.forward(x, pass);
        assertArrayEquals(new long[] {2, 8}, y.shape());
        assertEquals(5.0, y.getDouble(0, 5));
        assertEquals(8.0, y.getDouble(1, 0));
        Reshape back = new Reshape(new long[] {8}, 2, 2, 2);
        assertClose(x, back.forward(y, pass), 0);
        // a non-contiguous batch is copied, not refused
        INDArray strided = Nd4j.linspace(D, 0, 32, 1).reshape(2, 2, 2, 4).get(
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2));
        assertClose(strided.dup().reshape(2, 8), flat.forward(strided, Pass.inference()), 0);
    }

    @Test
    void pytorchDefaultInitUsesFanInOfTheWeightsSecondDimension() {
        // Conv2d: in/groups*kH*kW = 8/2*3*3 = 36; ConvTranspose2d: out/groups*kH*kW = 6/2*3*3 = 27
        Conv2d conv = new Conv2d(new long[] {8, 5, 5}, 4, Size2d.of(3), ONE, ONE, ONE, 2, true, Initializer.PYTORCH,
                D, rng(40));
        ConvTranspose2d convT = new ConvTranspose2d(new long[] {8, 5, 5}, 6, Size2d.of(3), ONE, ONE, Size2d.of(0), ONE,
                2, true, Initializer.PYTORCH, D, rng(41));
        assertBound(conv.parameters().get(0).value(), 1 / Math.sqrt(36));
        assertBound(conv.parameters().get(1).value(), 1 / Math.sqrt(36));
        assertBound(convT.parameters().get(0).value(), 1 / Math.sqrt(27));
        assertArrayEquals(new long[] {8, 3, 3, 3}, convT.parameters().get(0).value().shape());
    }

    private static void assertBound(INDArray a, double bound) {
        double max = Transforms.abs(a, true).maxNumber().doubleValue();
        assertTrue(max <= bound, "max |w| " + max + " > " + bound);
        assertTrue(a.length() < 8 || max > 0.6 * bound, "max |w| " + max + " far below the bound " + bound);
    }
}
