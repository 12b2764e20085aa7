package org.vae4j.plugins.deconvnet;

import org.vae4j.api.Pass;
import static org.vae4j.engine.testing.Arrays.assertClose;
import static org.vae4j.engine.testing.Arrays.rng;
import static org.vae4j.engine.testing.Arrays.uniform;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vae4j.api.Layer;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.ReLU;
import org.vae4j.engine.layers.conv.Conv2d;
import org.vae4j.engine.layers.conv.MaxPool2d;
import org.vae4j.engine.layers.conv.Size2d;

/**
 * The undo pass against a reference: the gradient of the selected activations with respect to
 * the input under the deconvnet rule, which Captum's {@code Deconvolution} computes (ReLU's
 * backward replaced by a ReLU of the incoming signal, every other layer's backward kept). The
 * reference is built from the engine layers' own backward passes; a convolution's input
 * gradient is the transposed convolution, so the two computations share nothing but the weights.
 */
class DeconvnetPropertyTest {
    private static final Pass pass = Pass.training();

    private static Conv2d conv(long[] in, long out, long k, long s, long p, long d, long groups, long seed) {
        return new Conv2d(in, out, Size2d.of(k), Size2d.of(s), Size2d.of(p), Size2d.of(d), groups, true,
                Initializer.PYTORCH, DataType.DOUBLE, rng(seed));
    }

    /** The deconvnet gradient: every layer's backward pass, except ReLU, which rectifies the signal. */
    private static INDArray deconvnetGradient(List<Layer> layers, INDArray x, INDArray selected) {
        INDArray h = x;
        for (Layer l : layers) {
            h = l.forward(h, pass).dup();
        }
        INDArray g = selected;
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer l = layers.get(i);
            g = l instanceof ReLU ? Transforms.relu(g, true) : l.backward(g, pass, true).dup();
        }
        return g;
    }

    @Test
    void undoThroughConvReluConvIsTheDeconvnetGradientOfTheSelectedActivations() {
        for (long seed = 0; seed < 6; seed++) {
            long[] in = {4, 15 + seed, 14};
            Conv2d c1 = conv(in, 6, 3 + seed % 3, 1 + seed % 3, 1, 1 + seed % 2, 2, 100 + seed);
            ReLU r1 = new ReLU(c1.outputShape());
            Conv2d c2 = conv(r1.outputShape(), 4, 3, 2, 1, 1, seed % 2 == 0 ? 2 : 1, 200 + seed);
            List<Layer> layers = List.of(c1, r1, c2);
            UndoableSequential seq = new UndoableSequential(layers);
            INDArray x = uniform(DataType.DOUBLE, 300 + seed, 2, in[0], in[1], in[2]);
            UndoableSequential.Trace t = seq.forward(x, 3);
            for (int k : new int[] {1, 5, (int) (t.output().length() / 2)}) {
                INDArray selected = TopK.keepTopK(t.output(), k);
                INDArray expected = deconvnetGradient(layers, x, selected);
                assertClose(expected, seq.undo(selected, t), 1e-10);
                assertClose(expected, seq.visualizeActivations(x, 3, k), 1e-10);
            }
            // a selection of any sign, not only the top values
            INDArray any = uniform(DataType.DOUBLE, 400 + seed, t.output().shape());
            assertClose(deconvnetGradient(layers, x, any), seq.undo(any, t), 1e-10);
        }
    }

    /** With max-pooling in between, the switches route the signal as the pooling's gradient does. */
    @Test
    void undoThroughConvReluPoolConvReluIsTheDeconvnetGradient() {
        for (long seed = 0; seed < 4; seed++) {
            long[] in = {3, 31, 29};
            Conv2d c1 = conv(in, 8, 5, 2, 2, 1, 1, 500 + seed);
            ReLU r1 = new ReLU(c1.outputShape());
            MaxPool2d p1 = new MaxPool2d(r1.outputShape(), Size2d.of(3), Size2d.of(2), Size2d.of(seed % 2));
            Conv2d c2 = conv(p1.outputShape(), 6, 3, 1, 1, 1, 2, 600 + seed);
            ReLU r2 = new ReLU(c2.outputShape());
            List<Layer> layers = List.of(c1, r1, p1, c2, r2);
            UndoableSequential seq = new UndoableSequential(layers);
            // distinct values make every argmax unique, so the gradient is well defined
            INDArray x = uniform(DataType.DOUBLE, 700 + seed, 1, 3, 31, 29);
            for (int layer = 1; layer <= layers.size(); layer++) {
                UndoableSequential.Trace t = seq.forward(x, layer);
                INDArray selected = TopK.keepTopK(t.output(), 7);
                assertClose(deconvnetGradient(layers.subList(0, layer), x, selected), seq.undo(selected, t), 1e-10);
            }
        }
    }
}
