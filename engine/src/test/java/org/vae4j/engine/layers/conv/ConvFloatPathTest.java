package org.vae4j.engine.layers.conv;

import org.vae4j.api.Pass;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.engine.layers.conv.ConvTesting.rng;
import static org.vae4j.engine.layers.conv.ConvTesting.uniform;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.engine.init.Initializer;

/**
 * The FLOAT code paths (host-side kernel flip) give what the DOUBLE ones, which the gradient
 * checks cover, give, to float precision.
 */
class ConvFloatPathTest {
    private static final Pass pass = Pass.training();

    private static void sameGradients(Size2d k, Size2d s, Size2d p, long seed) {
        long[] in = {3, 6, 7};
        Conv2d d = new Conv2d(in, 4, k, s, p, Size2d.of(1), 1, true, Initializer.PYTORCH, DataType.DOUBLE, rng(seed));
        Conv2d f = new Conv2d(in, 4, k, s, p, Size2d.of(1), 1, true, Initializer.PYTORCH, DataType.FLOAT, rng(seed));
        f.parameters().get(0).value().assign(d.parameters().get(0).value());
        f.parameters().get(1).value().assign(d.parameters().get(1).value());
        INDArray x = uniform(seed, 2, 3, 6, 7);
        INDArray yd = d.forward(x, pass);
        INDArray g = uniform(seed + 1, yd.shape());
        INDArray dxd = d.backward(g, pass, true).dup();
        f.forward(x.castTo(DataType.FLOAT), pass);
        INDArray dxf = f.backward(g.castTo(DataType.FLOAT), pass, true);
        double diff = dxd.sub(dxf.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(diff < 1e-5, "max |dX float - dX double| = " + diff);
        double dw = d.parameters().get(0).gradient().sub(f.parameters().get(0).gradient().castTo(DataType.DOUBLE))
                .amaxNumber().doubleValue();
        assertTrue(dw < 1e-5, "max |dW float - dW double| = " + dw);
    }

    @Test
    void stride1FlippedKernelInFloatMatchesDouble() {
        sameGradients(Size2d.of(3), Size2d.of(1), Size2d.of(1), 1);
        sameGradients(Size2d.of(3, 2), Size2d.of(1), Size2d.of(2, 0), 2);
    }

    @Test
    void stridedCol2imInFloatMatchesDouble() {
        sameGradients(Size2d.of(3), Size2d.of(2), Size2d.of(1), 3);
    }
}
