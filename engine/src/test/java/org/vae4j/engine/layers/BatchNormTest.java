package org.vae4j.engine.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Pass;
import org.vae4j.engine.gradcheck.GradientCheck;
import org.vae4j.engine.testing.Arrays;

/**
 * Batch normalization: values worked out by hand (they are PyTorch's for the same inputs), the
 * running statistics, inference behaviour, and finite-difference checks of the training backward
 * pass for features and feature maps, also when it runs twice in one step.
 */
class BatchNormTest {
    /**
     * Relative tolerance. Batch normalization's input gradient is a difference of nearly equal
     * terms (it sums to zero over each channel), so some of its elements are small and the central
     * difference's round-off, about 1e-16 * |loss| / eps = 1e-9, is 1e-6 of them; 1e-5 still
     * catches any wrong term, which is of the size of the gradient itself.
     */
    private static final double TOLERANCE = 1e-5;

    @Test
    void normalizesWithTheBatchStatisticsAndMovesTheRunningOnes() {
        BatchNorm bn = new BatchNorm(DataType.DOUBLE, 1);
        INDArray y = bn.forward(Nd4j.createFromArray(new double[][] {{1}, {3}}), Pass.training());
        // mean 2, biased variance 1: (x - 2) / sqrt(1 + 1e-5)
        double d = 1 / Math.sqrt(1 + 1e-5);
        assertEquals(-d, y.getDouble(0, 0), 1e-15);
        assertEquals(d, y.getDouble(1, 0), 1e-15);
        // running mean 0.9 * 0 + 0.1 * 2; running variance 0.9 * 1 + 0.1 * 2 (unbiased: 2 / 1)
        assertEquals(0.2, bn.buffers().get(0).value().getDouble(0), 1e-15);
        assertEquals(1.1, bn.buffers().get(1).value().getDouble(0), 1e-15);
        // inference uses the running statistics
        INDArray z = bn.forward(Nd4j.createFromArray(new double[][] {{2}}), Pass.inference());
        assertEquals((2 - 0.2) / Math.sqrt(1.1 + 1e-5), z.getDouble(0, 0), 1e-15);
        assertEquals(1.1, bn.buffers().get(1).value().getDouble(0), 1e-15, "inference leaves them alone");
    }

    @Test
    void mapsAreNormalizedPerChannelOverExamplesAndPositions() {
        BatchNorm bn = new BatchNorm(DataType.DOUBLE, 2, 1, 2);
        // channel 0 holds 0, 2, 4, 6 (mean 3, variance 5); channel 1 holds 10 four times
        INDArray x = Nd4j.createFromArray(new double[] {0, 2, 10, 10, 4, 6, 10, 10}).reshape(2, 2, 1, 2);
        INDArray y = bn.forward(x, Pass.training());
        assertEquals(-3 / Math.sqrt(5 + 1e-5), y.getDouble(0, 0, 0, 0), 1e-12);
        assertEquals(3 / Math.sqrt(5 + 1e-5), y.getDouble(1, 0, 0, 1), 1e-12);
        assertEquals(0, y.getDouble(0, 1, 0, 1), 1e-12, "a constant channel becomes its bias");
        assertEquals(0.1 * 3, bn.buffers().get(0).value().getDouble(0), 1e-12);
        assertEquals(0.9 + 0.1 * 20.0 / 3, bn.buffers().get(1).value().getDouble(0), 1e-12);
        assertEquals(0.9, bn.buffers().get(1).value().getDouble(1), 1e-12);
    }

    @Test
    void oneValuePerChannelTrainsWithoutDividingByZero() {
        BatchNorm bn = new BatchNorm(DataType.DOUBLE, 3);
        INDArray y = bn.forward(Arrays.randn(DataType.DOUBLE, 1, 1, 3), Pass.training());
        assertEquals(0, y.amaxNumber().doubleValue(), 0);
        assertEquals(0.9, bn.buffers().get(1).value().minNumber().doubleValue(), 1e-12, "the variance of one value is 0");
    }

    @Test
    void gradientOfFeatures() {
        BatchNorm bn = new BatchNorm(DataType.DOUBLE, 5);
        bn.parameters().get(0).value().assign(Arrays.uniform(DataType.DOUBLE, 2, 5).addi(0.5));
        bn.parameters().get(1).value().assign(Arrays.randn(DataType.DOUBLE, 3, 5));
        INDArray x = Arrays.randn(DataType.DOUBLE, 4, 6, 5);
        GradientCheck.layer(bn, x, 5).assertWithin(TOLERANCE);
        GradientCheck.twoPasses(bn, x, Arrays.randn(DataType.DOUBLE, 6, 6, 5).muli(2), 7).assertWithin(TOLERANCE);
    }

    @Test
    void gradientOfFeatureMaps() {
        BatchNorm bn = new BatchNorm(DataType.DOUBLE, 3, 4, 2);
        bn.parameters().get(0).value().assign(Arrays.uniform(DataType.DOUBLE, 8, 3).addi(0.5));
        bn.parameters().get(1).value().assign(Arrays.randn(DataType.DOUBLE, 9, 3));
        INDArray x = Arrays.randn(DataType.DOUBLE, 10, 3, 3, 4, 2);
        GradientCheck.layer(bn, x, 11).assertWithin(TOLERANCE);
        GradientCheck.twoPasses(bn, x, Arrays.randn(DataType.DOUBLE, 12, 3, 3, 4, 2).addi(1), 13)
                .assertWithin(TOLERANCE);
    }

    @Test
    void wrongShapesAreRefusedWithTheExpectedShape() {
        BatchNorm bn = new BatchNorm(DataType.DOUBLE, 3, 4, 4);
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> bn.forward(Nd4j.zeros(DataType.DOUBLE, 2, 3, 4, 5), Pass.training()));
        assertEquals("BatchNorm2d(3): expects input [N, 3, 4, 4], got [2, 3, 4, 5]", e.getMessage());
        assertThrows(ShapeMismatchException.class, () -> new BatchNorm(DataType.DOUBLE, 3, 4));
    }

    /** The FLOAT host path gives the DOUBLE (ND4J) path's values, statistics and gradients. */
    @Test
    void floatHostPathMatchesTheDoublePath() {
        for (long[] shape : new long[][] {{6}, {3, 4, 5}}) {
            BatchNorm d = new BatchNorm(DataType.DOUBLE, shape);
            BatchNorm f = new BatchNorm(DataType.FLOAT, shape);
            INDArray w = Arrays.uniform(DataType.DOUBLE, 30, shape[0]).addi(1.5);
            INDArray b = Arrays.randn(DataType.DOUBLE, 31, shape[0]);
            d.parameters().get(0).value().assign(w);
            d.parameters().get(1).value().assign(b);
            f.parameters().get(0).value().assign(w);
            f.parameters().get(1).value().assign(b);
            long[] batch = new long[shape.length + 1];
            batch[0] = 7;
            System.arraycopy(shape, 0, batch, 1, shape.length);
            // channels far from zero: the variance must not cancel
            INDArray x = Arrays.randn(DataType.DOUBLE, 32, batch).muli(0.5).addi(40);
            INDArray g = Arrays.randn(DataType.DOUBLE, 33, batch);
            Pass pd = Pass.training();
            Pass pf = Pass.training();
            Arrays.assertClose(d.forward(x, pd), f.forward(x.castTo(DataType.FLOAT), pf), 2e-4);
            Arrays.assertClose(d.backward(g, pd, true), f.backward(g.castTo(DataType.FLOAT), pf, true), 2e-4);
            for (int i = 0; i < 2; i++) {
                Arrays.assertClose(d.parameters().get(i).gradient(), f.parameters().get(i).gradient(), 2e-4);
                Arrays.assertClose(d.buffers().get(i).value(), f.buffers().get(i).value(), 1e-5);
            }
            INDArray probe = Arrays.randn(DataType.DOUBLE, 34, batch).addi(39);
            Arrays.assertClose(d.forward(probe, Pass.inference()), f.forward(probe.castTo(DataType.FLOAT),
                    Pass.inference()), 2e-4);
        }
    }
}
