package org.vae4j.engine.layers.conv;

import org.vae4j.api.Pass;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.engine.layers.conv.ConvTesting.rng;
import static org.vae4j.engine.layers.conv.ConvTesting.uniform;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vae4j.api.Layer;
import org.vae4j.api.Parameter;
import org.vae4j.engine.init.Initializer;

/**
 * The pass conventions shared with {@link org.vae4j.engine.layers.Dense}: reused buffers,
 * overwritten gradients, a skippable input gradient, parameters rebound to views of a flat
 * vector, and other batch sizes and types.
 */
class ConvContractTest {
    private final Pass pass = Pass.training();
    private static final DataType D = DataType.DOUBLE;
    private static final Size2d ONE = Size2d.of(1);

    private static List<Layer> layers(DataType type) {
        return List.of(
                new Conv2d(new long[] {4, 6, 6}, 6, Size2d.of(3), Size2d.of(2), ONE, ONE, 2, true, Initializer.PYTORCH,
                        type, rng(1)),
                new ConvTranspose2d(new long[] {4, 3, 3}, 2, Size2d.of(3), Size2d.of(2), ONE, ONE, ONE, 2, true,
                        Initializer.PYTORCH, type, rng(2)));
    }

    private static double maxDiff(INDArray a, INDArray b) {
        return Transforms.abs(a.sub(b), false).maxNumber().doubleValue();
    }

    private static List<INDArray> gradients(Layer l) {
        List<INDArray> out = new ArrayList<>();
        for (Parameter p : l.parameters()) {
            out.add(p.gradient().dup());
        }
        return out;
    }

    private static void zeroGradients(Layer l) {
        l.parameters().forEach(p -> p.gradient().assign(0));
    }

    @Test
    void backwardAddsAndSkippingTheInputGradientChangesNothingElse() {
        for (Layer l : layers(D)) {
            INDArray x = uniform(3, 2, l.inputShape()[0], l.inputShape()[1], l.inputShape()[2]);
            INDArray g = uniform(4, 2, l.outputShape()[0], l.outputShape()[1], l.outputShape()[2]);
            zeroGradients(l);
            l.forward(x, pass);
            INDArray dx = l.backward(g, pass, true).dup();
            List<INDArray> first = gradients(l);
            zeroGradients(l);
            l.forward(x, pass);
            assertArrayEquals(dx.shape(), l.backward(g, pass, true).shape());
            zeroGradients(l);
            assertTrue(maxDiff(dx, l.backward(g, pass, true)) == 0, l.describe() + ": input gradient changed on repeat");
            zeroGradients(l);
            l.forward(x, pass);
            assertNull(l.backward(g, pass, false), l.describe());
            List<INDArray> second = gradients(l);
            for (int i = 0; i < first.size(); i++) {
                assertTrue(maxDiff(first.get(i), second.get(i)) == 0, l.describe() + ": parameter gradient changed");
            }
            // without zeroing, a second backward adds its gradients to the first's
            assertNull(l.backward(g, pass, false), l.describe());
            List<INDArray> twice = gradients(l);
            for (int i = 0; i < first.size(); i++) {
                assertTrue(maxDiff(first.get(i).mul(2), twice.get(i)) < 1e-12, l.describe() + ": gradients add up");
            }
        }
    }

    @Test
    void outputsAreReusedBuffers() {
        for (Layer l : layers(D)) {
            INDArray x = uniform(5, 2, l.inputShape()[0], l.inputShape()[1], l.inputShape()[2]);
            assertSame(l.forward(x, pass), l.forward(x, pass), l.describe());
        }
    }

    @Test
    void parametersReboundToViewsOfAFlatVectorAreReadAndWritten() {
        for (Layer l : layers(D)) {
            INDArray x = uniform(6, 2, l.inputShape()[0], l.inputShape()[1], l.inputShape()[2]);
            INDArray g = uniform(7, 2, l.outputShape()[0], l.outputShape()[1], l.outputShape()[2]);
            zeroGradients(l);
            INDArray y0 = l.forward(x, pass).dup();
            INDArray dx0 = l.backward(g, pass, true).dup();
            List<INDArray> grads0 = gradients(l);
            long total = 3;
            for (Parameter p : l.parameters()) {
                total += p.length();
            }
            INDArray values = Nd4j.zeros(D, total);
            INDArray gradients = Nd4j.zeros(D, total);
            long offset = 3; // not at the start, as inside a model's vector
            for (Parameter p : l.parameters()) {
                long n = p.length();
                p.bind(values.get(NDArrayIndex.interval(offset, offset + n)).reshape('c', p.value().shape()),
                        gradients.get(NDArrayIndex.interval(offset, offset + n)).reshape('c', p.value().shape()));
                offset += n;
            }
            assertTrue(maxDiff(y0, l.forward(x, pass)) == 0, l.describe());
            gradients.assign(0);
            assertTrue(maxDiff(dx0, l.backward(g, pass, true)) == 0, l.describe());
            offset = 3;
            for (int i = 0; i < grads0.size(); i++) {
                long n = grads0.get(i).length();
                INDArray slot = gradients.get(NDArrayIndex.interval(offset, offset + n));
                assertTrue(maxDiff(grads0.get(i).reshape(n), slot) == 0, l.describe() + ": gradient not in the vector");
                offset += n;
            }
            // a change of the flat vector is seen by the next pass
            values.muli(2);
            INDArray y2 = l.forward(x, pass);
            assertTrue(maxDiff(y0, y2) > 1e-3, l.describe() + ": did not read the rebound values");
        }
    }

    @Test
    void batchSizeChangesAndFloatAgreesWithDouble() {
        List<Layer> doubles = layers(D);
        List<Layer> floats = layers(DataType.FLOAT);
        for (int i = 0; i < doubles.size(); i++) {
            Layer ld = doubles.get(i);
            Layer lf = floats.get(i);
            for (Parameter p : lf.parameters()) {
                // same draws in both types up to rounding, for a like-for-like comparison
                p.value().assign(ld.parameters().get(lf.parameters().indexOf(p)).value());
            }
            for (long n : new long[] {3, 1, 3}) {
                long[] in = ld.inputShape();
                INDArray x = uniform(8 + n, n, in[0], in[1], in[2]);
                INDArray yd = ld.forward(x, pass);
                INDArray yf = lf.forward(x.castTo(DataType.FLOAT), pass);
                assertTrue(maxDiff(yd, yf.castTo(D)) < 1e-5, ld.describe() + " at batch " + n);
                INDArray g = uniform(9 + n, yd.shape());
                INDArray dxd = ld.backward(g, pass, true);
                INDArray dxf = lf.backward(g.castTo(DataType.FLOAT), pass, true);
                assertTrue(maxDiff(dxd, dxf.castTo(D)) < 1e-5, ld.describe() + " at batch " + n);
            }
        }
    }

    @Test
    void backwardBeforeForwardIsAnError() {
        for (Layer l : layers(D)) {
            assertThrows(IllegalStateException.class, () -> l.backward(Nd4j.zeros(D, 1, 1, 1, 1), pass, true));
        }
        assertThrows(IllegalStateException.class,
                () -> new MaxPool2d(new long[] {1, 4, 4}, 2).backward(Nd4j.zeros(D, 1, 1, 2, 2), pass, true));
    }
}
