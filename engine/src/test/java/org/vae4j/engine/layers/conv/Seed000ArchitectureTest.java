package org.vae4j.engine.layers.conv;

import org.vae4j.api.Pass;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vae4j.engine.layers.conv.ConvTesting.rng;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.engine.gradcheck.GradientCheck;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Dense;
import org.vae4j.engine.layers.GELU;
import org.vae4j.engine.layers.Sequential;

/**
 * The CNN encoder and decoder of seed 000 (the UvA DL1 4-bit Fashion-MNIST VAE, reference
 * {@code torch_cnn_vae_4bit.py}, c = 32, z = 20) expressed with these layers: every output shape,
 * composition by {@link Sequential}, a forward and backward pass, and PyTorch's parameter count.
 */
class Seed000ArchitectureTest {
    private final Pass pass = Pass.training();
    private static final int C = 32;
    private static final int Z = 20;
    private static final DataType F = DataType.FLOAT;

    /** Appends a layer and its GELU, returning the GELU's output shape. */
    private static long[] withGelu(List<Layer> layers, Layer layer) {
        layers.add(layer);
        layers.add(new GELU(layer.outputShape()));
        return layer.outputShape();
    }

    static Sequential encoder(Random r) {
        List<Layer> l = new ArrayList<>();
        long[] s = {1, 28, 28};
        s = withGelu(l, new Conv2d(s, C, 3, 2, 1, Initializer.PYTORCH, F, r));
        assertArrayEquals(new long[] {32, 14, 14}, s);
        s = withGelu(l, new Conv2d(s, C, 3, 1, 1, Initializer.PYTORCH, F, r));
        assertArrayEquals(new long[] {32, 14, 14}, s);
        s = withGelu(l, new Conv2d(s, 2 * C, 3, 2, 1, Initializer.PYTORCH, F, r));
        assertArrayEquals(new long[] {64, 7, 7}, s);
        s = withGelu(l, new Conv2d(s, 2 * C, 3, 1, 1, Initializer.PYTORCH, F, r));
        assertArrayEquals(new long[] {64, 7, 7}, s);
        s = withGelu(l, new Conv2d(s, 2 * C, 3, 2, 1, Initializer.PYTORCH, F, r));
        assertArrayEquals(new long[] {64, 4, 4}, s);
        Flatten flat = new Flatten(s);
        assertArrayEquals(new long[] {1024}, flat.outputShape());
        l.add(flat);
        l.add(new Dense(2 * 16 * C, 2 * Z, Initializer.PYTORCH, F, r));
        return new Sequential(l);
    }

    static Sequential decoder(Random r) {
        List<Layer> l = new ArrayList<>();
        l.add(new Dense(Z, 2 * 16 * C, Initializer.PYTORCH, F, r));
        l.add(new GELU(2 * 16 * C));
        Reshape reshape = new Reshape(new long[] {2 * 16 * C}, 2 * C, 4, 4);
        l.add(reshape);
        long[] s = reshape.outputShape();
        s = withGelu(l, new ConvTranspose2d(s, 2 * C, 3, 2, 1, 0, Initializer.PYTORCH, F, r));
        assertArrayEquals(new long[] {64, 7, 7}, s);
        s = withGelu(l, new Conv2d(s, 2 * C, 3, 1, 1, Initializer.PYTORCH, F, r));
        assertArrayEquals(new long[] {64, 7, 7}, s);
        s = withGelu(l, new ConvTranspose2d(s, C, 3, 2, 1, 1, Initializer.PYTORCH, F, r));
        assertArrayEquals(new long[] {32, 14, 14}, s);
        s = withGelu(l, new Conv2d(s, C, 3, 1, 1, Initializer.PYTORCH, F, r));
        assertArrayEquals(new long[] {32, 14, 14}, s);
        ConvTranspose2d last = new ConvTranspose2d(s, 16, 3, 2, 1, 1, Initializer.PYTORCH, F, r);
        assertArrayEquals(new long[] {16, 28, 28}, last.outputShape());
        l.add(last);
        return new Sequential(l);
    }

    @Test
    void encoderAndDecoderComposeWithThePyTorchShapes() {
        Sequential enc = encoder(rng(1));
        Sequential dec = decoder(rng(2));
        assertArrayEquals(new long[] {1, 28, 28}, enc.inputShape());
        assertArrayEquals(new long[] {40}, enc.outputShape());
        assertArrayEquals(new long[] {20}, dec.inputShape());
        assertArrayEquals(new long[] {16, 28, 28}, dec.outputShape());
    }

    @Test
    void parameterCountMatchesPyTorch() {
        // sum(p.numel()) of the reference's Encoder and Decoder
        long conv3x3 = 0;
        long[][] encConvs = {{1, 32}, {32, 32}, {32, 64}, {64, 64}, {64, 64}};
        for (long[] io : encConvs) {
            conv3x3 += io[0] * io[1] * 9 + io[1];
        }
        long[][] decConvs = {{64, 64}, {64, 64}, {64, 32}, {32, 32}, {32, 16}};
        for (long[] io : decConvs) {
            conv3x3 += io[0] * io[1] * 9 + io[1];
        }
        long linears = (1024 * 40 + 40) + (20 * 1024 + 1024);
        long expected = conv3x3 + linears;
        assertEquals(270_616, expected);
        long actual = 0;
        for (var p : GradientCheck.allParameters(encoder(rng(3)))) {
            actual += p.length();
        }
        for (var p : GradientCheck.allParameters(decoder(rng(4)))) {
            actual += p.length();
        }
        assertEquals(expected, actual);
    }

    @Test
    void forwardAndBackwardThroughBothHalves() {
        Sequential enc = encoder(rng(5));
        Sequential dec = decoder(rng(6));
        INDArray x = Nd4j.rand(F, 2, 1, 28, 28).muli(2).subi(1);
        INDArray h = enc.forward(x, pass);
        assertArrayEquals(new long[] {2, 40}, h.shape());
        INDArray z = h.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, Z)).dup();
        INDArray logits = dec.forward(z, pass);
        assertArrayEquals(new long[] {2, 16, 28, 28}, logits.shape());
        INDArray gz = dec.backward(Nd4j.ones(F, 2, 16, 28, 28), pass, true);
        assertArrayEquals(new long[] {2, 20}, gz.shape());
        INDArray gh = Nd4j.zeros(F, 2, 40);
        gh.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, Z))
                .assign(gz);
        assertEquals(null, enc.backward(gh, pass, false));
        for (var p : GradientCheck.allParameters(enc)) {
            double norm = p.gradient().norm2Number().doubleValue();
            assertEquals(true, Double.isFinite(norm) && norm > 0, p + " gradient norm " + norm);
        }
    }
}
