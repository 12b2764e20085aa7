package org.vae4j.engine.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Pass;

/**
 * LeakyReLU's host loops (FLOAT batches) give libnd4j's ops' numbers exactly, the values and the
 * input gradients, on inputs of both signs, exact zeros and large magnitudes; the layer's DOUBLE
 * path, which LayerGradientTest checks against finite differences, is the ops themselves.
 */
class LeakyReluHostTest {
    @Test
    void theHostLoopsGiveTheOpsNumbersExactly() {
        for (double slope : new double[] {0.01, 0.2, 1.5}) {
            INDArray x = Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(3), 64, 50).castTo(DataType.FLOAT)
                    .subi(0.5).muli(20);
            x.putScalar(0, 0, 0f);
            x.putScalar(1, 1, -0f);
            x.putScalar(2, 2, 1e6f);
            x.putScalar(3, 3, -1e6f);
            INDArray g = Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(4), 64, 50).castTo(DataType.FLOAT)
                    .subi(0.5);
            LeakyReLU layer = new LeakyReLU(slope, 50);
            Pass pass = Pass.training();
            INDArray y = layer.forward(x, pass).dup();
            INDArray gx = layer.backward(g, pass, true).dup();
            INDArray yOps = x.ulike();
            Nd4j.exec(new org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU(x, yOps, slope));
            INDArray gxOps = x.ulike();
            Nd4j.exec(new LeakyReLUBp(x, g, gxOps, slope));
            assertArrayEquals(yOps.data().asFloat(), y.data().asFloat(), 0f, "values, slope " + slope);
            assertArrayEquals(gxOps.data().asFloat(), gx.data().asFloat(), 0f, "gradients, slope " + slope);
        }
    }
}
