package org.vae4j.onednn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vae4j.api.Pass;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Dense;
import org.vae4j.engine.layers.MatrixKernels;

/**
 * The oneDNN matmul kernels against DOUBLE products (BLAS): every transposition, the factors
 * alpha and beta, the fused bias; a dense layer in FLOAT (on the kernels) against the same layer
 * in DOUBLE (the path the gradient checks cover); arrays the kernels cannot serve.
 */
class OneDnnProductsTest {

    private static INDArray uniform(long seed, long... shape) {
        Random r = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        return Nd4j.rand(r, shape).castTo(DataType.DOUBLE).subi(0.5).muli(2);
    }

    private static double relative(INDArray expected, INDArray actual) {
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        return expected.sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue() / scale;
    }

    @Test
    void theEngineFindsTheKernels() {
        assertInstanceOf(OneDnnProducts.class, ServiceLoader.load(MatrixKernels.class).iterator().next());
    }

    @Test
    void everyTranspositionAndBothFactors() {
        OneDnnProducts k = new OneDnnProducts();
        long m = 37;
        long kk = 53;
        long n = 29;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                for (double[] ab : new double[][] {{1, 0}, {1, 1}, {0.5, 2}, {-2, 0.25}}) {
                    INDArray a = ta ? uniform(1, kk, m) : uniform(1, m, kk);
                    INDArray b = tb ? uniform(2, n, kk) : uniform(2, kk, n);
                    INDArray c0 = uniform(3, m, n);
                    INDArray expected = (ta ? a.transpose() : a).mmul(tb ? b.transpose() : b).muli(ab[0])
                            .addi(c0.mul(ab[1]));
                    INDArray c = c0.castTo(DataType.FLOAT);
                    assertTrue(k.gemm(a.castTo(DataType.FLOAT), b.castTo(DataType.FLOAT), c, ta, tb, ab[0], ab[1]));
                    double r = relative(expected, c);
                    assertTrue(r < 2e-6, "transA " + ta + " transB " + tb + " alpha " + ab[0] + " beta " + ab[1]
                            + ": differs by " + r);
                }
            }
        }
    }

    @Test
    void theBiasIsAddedToEveryRow() {
        OneDnnProducts k = new OneDnnProducts();
        INDArray x = uniform(1, 5, 7);
        INDArray w = uniform(2, 7, 3);
        INDArray bias = uniform(3, 1, 3);
        INDArray expected = x.mmul(w).addiRowVector(bias);
        INDArray y = Nd4j.create(DataType.FLOAT, 5, 3);
        assertTrue(k.affine(x.castTo(DataType.FLOAT), w.castTo(DataType.FLOAT), bias.castTo(DataType.FLOAT), y));
        assertTrue(relative(expected, y) < 2e-6);
        // a bias given as [n], as a view into a flat parameter vector
        INDArray flat = Nd4j.zeros(DataType.FLOAT, 20);
        INDArray view = flat.get(NDArrayIndex.interval(11, 14));
        view.assign(bias.castTo(DataType.FLOAT).reshape(3));
        INDArray y2 = Nd4j.create(DataType.FLOAT, 5, 3);
        assertTrue(k.affine(x.castTo(DataType.FLOAT), w.castTo(DataType.FLOAT), view, y2));
        assertEquals(y, y2);
    }

    @Test
    void aFloatDenseLayerRunsOnTheKernelsAndMatchesTheDoubleOne() {
        Random r1 = Nd4j.getRandomFactory().getNewRandomInstance(4);
        Random r2 = Nd4j.getRandomFactory().getNewRandomInstance(4);
        Dense f = new Dense(30, 12, Initializer.PYTORCH, DataType.FLOAT, r1);
        Dense d = new Dense(30, 12, Initializer.PYTORCH, DataType.DOUBLE, r2);
        for (int i = 0; i < 2; i++) {
            d.parameters().get(i).value().assign(f.parameters().get(i).value());
        }
        long runs = OneDnnProducts.RUNS.get();
        INDArray x = uniform(5, 9, 30);
        Pass pf = Pass.training();
        Pass pd = Pass.training();
        INDArray yf = f.forward(x.castTo(DataType.FLOAT), pf);
        INDArray yd = d.forward(x, pd);
        assertTrue(relative(yd, yf) < 2e-6);
        INDArray g = uniform(6, 9, 12);
        INDArray gxf = f.backward(g.castTo(DataType.FLOAT), pf, true);
        INDArray gxd = d.backward(g, pd, true);
        assertTrue(relative(gxd, gxf) < 2e-6);
        for (int i = 0; i < 2; i++) {
            assertTrue(relative(d.parameters().get(i).gradient(), f.parameters().get(i).gradient()) < 2e-6,
                    f.parameters().get(i).toString());
        }
        // forward (affine), weight gradient and input gradient: three products on oneDNN
        assertEquals(runs + 3, OneDnnProducts.RUNS.get());
    }

    @Test
    void sameInputsGiveTheSameBits() {
        OneDnnProducts k = new OneDnnProducts();
        INDArray a = uniform(1, 128, 400).castTo(DataType.FLOAT);
        INDArray b = uniform(2, 400, 784).castTo(DataType.FLOAT);
        float[] first = null;
        for (int run = 0; run < 3; run++) {
            INDArray c = Nd4j.ones(DataType.FLOAT, 128, 784);
            assertTrue(k.gemm(a, b, c, false, false, 1.0, 1.0));
            if (first == null) {
                first = c.data().asFloat();
            } else {
                assertArrayEquals(first, c.data().asFloat(), 0f);
            }
        }
    }

    @Test
    void arraysItCannotServeAreLeftToLibnd4j() {
        OneDnnProducts k = new OneDnnProducts();
        INDArray c = Nd4j.zeros(DataType.FLOAT, 4, 3);
        assertFalse(k.gemm(Nd4j.ones(DataType.DOUBLE, 4, 5), Nd4j.ones(DataType.DOUBLE, 5, 3),
                Nd4j.zeros(DataType.DOUBLE, 4, 3), false, false, 1, 0));
        // a column slice is not dense; an f-ordered matrix neither; shapes that do not chain
        INDArray wide = Nd4j.ones(DataType.FLOAT, 4, 9);
        assertFalse(k.gemm(wide.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 5)), Nd4j.ones(DataType.FLOAT, 5, 3),
                c, false, false, 1, 0));
        assertFalse(k.gemm(Nd4j.ones(DataType.FLOAT, 4, 5).dup('f'), Nd4j.ones(DataType.FLOAT, 5, 3), c, false, false,
                1, 0));
        assertFalse(k.gemm(Nd4j.ones(DataType.FLOAT, 4, 6), Nd4j.ones(DataType.FLOAT, 5, 3), c, false, false, 1, 0));
        assertEquals(0.0, c.sumNumber().doubleValue());
    }
}
