package org.vae4j.engine.layers;

import org.vae4j.api.Pass;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The vectorized FLOAT path of {@link GELU} against the exact DOUBLE one. */
class GeluTest {
    private final Pass pass = Pass.training();

    @Test
    void floatPathMatchesTheExactFunctionAndDerivative() {
        int n = 24001;
        double[] grid = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = -12 + i * 0.001;
        }
        INDArray xd = Nd4j.createFromArray(grid).reshape(1, n);
        GELU exact = new GELU(n);
        INDArray yd = exact.forward(xd, pass).dup();
        INDArray gd = exact.backward(Nd4j.ones(DataType.DOUBLE, 1, n), pass, true).dup();
        GELU fast = new GELU(n);
        INDArray xf = xd.castTo(DataType.FLOAT);
        INDArray yf = fast.forward(xf, pass).dup();
        INDArray gf = fast.backward(Nd4j.ones(DataType.FLOAT, 1, n), pass, true).dup();
        double worstY = 0;
        double worstG = 0;
        for (int i = 0; i < n; i++) {
            double x = xf.getDouble(0, i);
            // compare with the exact function at the float input
            double cdf = yd.getDouble(0, i) / grid[i];
            double y = grid[i] == 0 ? 0 : x * cdf;
            worstY = Math.max(worstY, Math.abs(yf.getDouble(0, i) - y) / Math.max(1, Math.abs(x)));
            worstG = Math.max(worstG, Math.abs(gf.getDouble(0, i) - gd.getDouble(0, i)));
        }
        // float rounding of 0.5 (1 + erf) is about 3e-8; the density's error is below 1e-6
        assertTrue(worstY < 3e-7, "worst value error " + worstY);
        assertTrue(worstG < 1e-6, "worst derivative error " + worstG);
    }

    @Test
    void inferenceAndTrainingPassesGiveTheSameValuesAndNonContiguousInputsWork() {
        INDArray x = Nd4j.randn(DataType.FLOAT, 6, 10).muli(3);
        GELU g = new GELU(5);
        INDArray view = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 5));
        INDArray a = g.forward(view, Pass.inference()).dup();
        INDArray b = g.forward(view.dup(), pass).dup();
        assertArrayEquals(a.data().asFloat(), b.data().asFloat(), 2e-6f, "ND4J erf path vs the vectorized one");
        INDArray grad = g.backward(Nd4j.ones(DataType.FLOAT, 6, 5), pass, true);
        assertArrayEquals(new long[] {6, 5}, grad.shape());
    }
}
