package org.vae4j.plugins.cnn;

import org.vae4j.api.Pass;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Decoder;
import org.vae4j.api.Encoder;
import org.vae4j.api.Layer;
import org.vae4j.engine.testing.TestContext;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.api.spi.Provider;
import org.vae4j.engine.gradcheck.GradientCheck;
import org.vae4j.engine.params.ParameterStore;

class CnnProvidersTest {
    private final Pass pass = Pass.training();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The shapes a convolutional encoder and decoder get for images of a given shape. */
    private record Context(long[] dataShape, int latentDim, int encoderOutputWidth, int likelihoodParameters,
                           DataType dataType) {
        static Context seed000() {
            return new Context(new long[] {1, 28, 28}, 20, 40, 16, DataType.FLOAT);
        }

        static Context cifarAutoencoder(int latent) {
            return new Context(new long[] {3, 32, 32}, latent, latent, 1, DataType.FLOAT);
        }

        private long dims() {
            long d = 1;
            for (long s : dataShape) {
                d *= s;
            }
            return d;
        }

        TestContext encoder() {
            return TestContext.of(dataShape).type(dataType).latent(latentDim).seed(3)
                    .shapes(dataShape, new long[] {encoderOutputWidth});
        }

        TestContext decoder() {
            return TestContext.of(dataShape).type(dataType).latent(latentDim).seed(3)
                    .shapes(new long[] {latentDim}, new long[] {likelihoodParameters * dims()});
        }
    }

    private static CnnConfig encoderConfig(String json) throws Exception {
        return JSON.readValue(json, CnnConfig.class);
    }

    private static CnnDecoderConfig decoderConfig(String json) throws Exception {
        return JSON.readValue(json, CnnDecoderConfig.class);
    }

    private static long count(Layer layer) {
        Map<String, Layer> roots = new LinkedHashMap<>();
        roots.put("x", layer);
        return ParameterStore.of(org.vae4j.api.model.ParameterGroup.of("g", roots), DataType.FLOAT).count();
    }

    private static List<String> layers(Layer l) {
        List<String> out = new ArrayList<>();
        for (Layer c : l.children()) {
            out.add(c.describe());
        }
        return out;
    }

    @Test
    void dcganGeneratorAndDiscriminatorBodiesMatchTorchGan() throws Exception {
        // ../shared/peers/torch_gan.py: G 100 -> 128x7x7 (linear, BN, ReLU) -> convT 4x4 s2 64 (BN, ReLU)
        // -> convT 4x4 s2 1 (tanh); D conv 4x4 s2 64 (LeakyReLU) -> conv 4x4 s2 128 (BN, LeakyReLU) -> linear
        Context gan = new Context(new long[] {1, 28, 28}, 100, 1, 1, DataType.FLOAT);
        Decoder g = new CnnDecoderProvider().create(decoderConfig("{\"filters\": [64, 128], \"depth\": 1, "
                + "\"kernel\": 4, \"padding\": 1, \"activation\": \"relu\", \"batchNorm\": true, "
                + "\"outputActivation\": \"tanh\"}"), gan.decoder());
        assertEquals(List.of("Dense(100 -> 6272)", "BatchNorm1d(6272)", "ReLU", "Reshape(6272 -> 128x7x7)",
                "ConvTranspose2d(128 -> 64, kernel 4, stride 2, padding 1; 128x7x7 -> 64x14x14)", "BatchNorm2d(64)",
                "ReLU", "ConvTranspose2d(64 -> 1, kernel 4, stride 2, padding 1; 64x14x14 -> 1x28x28)", "Tanh",
                "Flatten(1x28x28 -> 784)"), layers(g));
        // torch: 100*6272+6272 + 2*6272 + 128*64*16+64 + 2*64 + 64*16+1
        assertEquals(100 * 6272 + 6272 + 2 * 6272 + 128 * 64 * 16 + 64 + 2 * 64 + 64 * 16 + 1, count(g));
        Encoder d = new CnnEncoderProvider().create(encoderConfig("{\"filters\": [64, 128], \"depth\": 1, "
                + "\"kernel\": 4, \"padding\": 1, \"activation\": \"leaky-relu\", \"negativeSlope\": 0.2, "
                + "\"batchNorm\": true}"), gan.encoder());
        assertEquals(List.of("Reshape(784 -> 1x28x28)",
                "Conv2d(1 -> 64, kernel 4, stride 2, padding 1; 1x28x28 -> 64x14x14)", "LeakyReLU(0.2)",
                "Conv2d(64 -> 128, kernel 4, stride 2, padding 1; 64x14x14 -> 128x7x7)", "BatchNorm2d(128)",
                "LeakyReLU(0.2)", "Flatten(128x7x7 -> 6272)", "Dense(6272 -> 1)"), layers(d));
    }

    @Test
    void theDefaultsAreSeed000sArchitectureWithPyTorchsParameterCount() throws Exception {
        Encoder enc = new CnnEncoderProvider().create(encoderConfig("{}"), Context.seed000().encoder());
        Decoder dec = new CnnDecoderProvider().create(decoderConfig("{}"), Context.seed000().decoder());
        assertInstanceOf(CnnEncoder.class, enc);
        assertInstanceOf(CnnDecoder.class, dec);
        assertEquals(List.of(
                "Reshape(784 -> 1x28x28)",
                "Conv2d(1 -> 32, kernel 3, stride 2, padding 1; 1x28x28 -> 32x14x14)", "GELU",
                "Conv2d(32 -> 32, kernel 3, stride 1, padding 1; 32x14x14 -> 32x14x14)", "GELU",
                "Conv2d(32 -> 64, kernel 3, stride 2, padding 1; 32x14x14 -> 64x7x7)", "GELU",
                "Conv2d(64 -> 64, kernel 3, stride 1, padding 1; 64x7x7 -> 64x7x7)", "GELU",
                "Conv2d(64 -> 64, kernel 3, stride 2, padding 1; 64x7x7 -> 64x4x4)", "GELU",
                "Flatten(64x4x4 -> 1024)",
                "Dense(1024 -> 40)"), layers(enc));
        assertEquals(List.of(
                "Dense(20 -> 1024)", "GELU",
                "Reshape(1024 -> 64x4x4)",
                "ConvTranspose2d(64 -> 64, kernel 3, stride 2, padding 1; 64x4x4 -> 64x7x7)", "GELU",
                "Conv2d(64 -> 64, kernel 3, stride 1, padding 1; 64x7x7 -> 64x7x7)", "GELU",
                "ConvTranspose2d(64 -> 32, kernel 3, stride 2, padding 1, output padding 1; 64x7x7 -> 32x14x14)",
                "GELU",
                "Conv2d(32 -> 32, kernel 3, stride 1, padding 1; 32x14x14 -> 32x14x14)", "GELU",
                "ConvTranspose2d(32 -> 16, kernel 3, stride 2, padding 1, output padding 1; 32x14x14 -> 16x28x28)",
                "Flatten(16x28x28 -> 12544)"), layers(dec));
        // sum(p.numel() for p in enc.parameters() + dec.parameters()) of torch_cnn_vae_4bit.py
        assertEquals(270_616, count(enc) + count(dec));
        assertArrayEquals(new long[] {784}, enc.inputShape());
        assertArrayEquals(new long[] {40}, enc.outputShape());
        assertArrayEquals(new long[] {20}, dec.inputShape());
        assertArrayEquals(new long[] {16 * 784}, dec.outputShape());
        INDArray h = enc.forward(Nd4j.rand(DataType.FLOAT, 3, 784).muli(2).subi(1), Pass.inference());
        assertArrayEquals(new long[] {3, 40}, h.shape());
        INDArray logits = dec.forward(Nd4j.randn(DataType.FLOAT, 3, 20), Pass.inference());
        assertArrayEquals(new long[] {3, 12544}, logits.shape());
        assertEquals(DataType.FLOAT, logits.dataType());
    }

    @Test
    void decoderOutputIsTheParameterMajorFlatteningOfItsChannels() throws Exception {
        Decoder dec = new CnnDecoderProvider().create(decoderConfig("{}"), Context.seed000().decoder());
        INDArray z = Nd4j.randn(DataType.FLOAT, 2, 20);
        INDArray flat = dec.forward(z, Pass.inference()).dup();
        // the feature map before the final Flatten, [N, K, 28, 28]: column k*784 + pixel holds logit k of that pixel
        Layer last = dec.children().get(dec.children().size() - 2);
        INDArray maps = dec.forward(z, pass);
        assertEquals(flat, maps);
        INDArray fourD = flat.reshape('c', 2, 16, 28, 28);
        assertEquals(flat.getFloat(1, 5 * 784 + 3 * 28 + 7), fourD.getFloat(1, 5, 3, 7));
        assertArrayEquals(new long[] {16, 28, 28}, last.outputShape());
    }

    @Test
    void cifarShapesForAnAutoencoderWithSigmoidMeans() throws Exception {
        Encoder enc = new CnnEncoderProvider().create(encoderConfig("{\"filters\": [32, 64, 128], \"activation\": \"relu\"}"), Context.cifarAutoencoder(128).encoder());
        Decoder dec = new CnnDecoderProvider().create(decoderConfig(
                "{\"filters\": [32, 64, 128], \"activation\": \"relu\", \"outputActivation\": \"sigmoid\"}"), Context.cifarAutoencoder(128).decoder());
        assertArrayEquals(new long[] {3072}, enc.inputShape());
        assertArrayEquals(new long[] {128}, enc.outputShape());
        assertEquals("Dense(2048 -> 128)", layers(enc).get(layers(enc).size() - 1));
        assertTrue(layers(enc).contains("Conv2d(64 -> 128, kernel 3, stride 2, padding 1; 64x8x8 -> 128x4x4)"));
        assertArrayEquals(new long[] {3072}, dec.outputShape());
        List<String> d = layers(dec);
        assertEquals("ConvTranspose2d(32 -> 3, kernel 3, stride 2, padding 1, output padding 1; 32x16x16 -> 3x32x32)",
                d.get(d.size() - 3));
        assertEquals("Sigmoid", d.get(d.size() - 2));
        INDArray out = dec.forward(Nd4j.randn(DataType.FLOAT, 4, 128), Pass.inference());
        assertTrue(out.minNumber().doubleValue() >= 0 && out.maxNumber().doubleValue() <= 1);
        assertArrayEquals(new long[] {4, 128}, enc.forward(Nd4j.rand(DataType.FLOAT, 4, 3072), Pass.inference()).shape());
    }

    @Test
    void oddSizesGetTheOutputPaddingThatRestoresThem() throws Exception {
        // 3x29x22, depth 1: 29x22 -> 15x11 -> 8x6; back up 8x6 -> 15x11 -> 29x22 needs output padding 0x1 last
        Context ctx = new Context(new long[] {3, 29, 22}, 6, 12, 2, DataType.FLOAT);
        String json = "{\"filters\": [8, 16], \"depth\": 1}";
        Encoder enc = new CnnEncoderProvider().create(encoderConfig(json), ctx.encoder());
        Decoder dec = new CnnDecoderProvider().create(decoderConfig(json), ctx.decoder());
        assertEquals("Dense(768 -> 12)", layers(enc).get(layers(enc).size() - 1));
        assertArrayEquals(new long[] {2 * 3 * 29 * 22}, dec.outputShape());
        assertEquals("ConvTranspose2d(16 -> 8, kernel 3, stride 2, padding 1; 16x8x6 -> 8x15x11)", layers(dec).get(3));
        assertEquals("ConvTranspose2d(8 -> 6, kernel 3, stride 2, padding 1, output padding 0x1; 8x15x11 -> 6x29x22)",
                layers(dec).get(layers(dec).size() - 2));
        // an even kernel works when every resolution has one convolution
        Decoder four = new CnnDecoderProvider().create(decoderConfig("{\"filters\": [8, 16], \"depth\": 1, "
                + "\"kernel\": 4}"), ctx.decoder());
        assertArrayEquals(new long[] {2 * 3 * 29 * 22}, four.outputShape());
        assertArrayEquals(new long[] {2, 2 * 3 * 29 * 22}, four.forward(Nd4j.randn(DataType.FLOAT, 2, 6), Pass.inference()).shape());
    }

    @Test
    void wholeEncoderAndDecoderPassGradientChecks() throws Exception {
        Context ctx = new Context(new long[] {2, 9, 7}, 3, 6, 2, DataType.DOUBLE);
        String json = "{\"filters\": [3, 4], \"depth\": 2, \"activation\": \"gelu\"}";
        Encoder enc = new CnnEncoderProvider().create(encoderConfig(json), ctx.encoder());
        GradientCheck.layer(enc, Nd4j.rand(DataType.DOUBLE, 2, 126), 5).assertWithin(1e-6);
        Decoder dec = new CnnDecoderProvider().create(decoderConfig(json.replace("}",
                ", \"outputActivation\": \"tanh\"}")), ctx.decoder());
        // eight layers deep, the loss is large next to the first layer's small gradients, so the central
        // differences carry rounding noise of about 1e-10 absolute: a relative tolerance of 1e-4 there
        GradientCheck.layer(dec, Nd4j.randn(DataType.DOUBLE, 2, 3), 6).assertWithin(1e-4);
    }

    @Test
    void theEncodersFirstConvolutionComputesNoInputGradient() throws Exception {
        Encoder enc = new CnnEncoderProvider().create(encoderConfig("{\"filters\": [4, 8]}"), Context.seed000().encoder());
        enc.forward(Nd4j.rand(DataType.FLOAT, 2, 784), pass);
        assertNull(enc.backward(Nd4j.ones(DataType.FLOAT, 2, 40), pass, false));
        INDArray dx = enc.backward(Nd4j.ones(DataType.FLOAT, 2, 40), pass, true);
        assertArrayEquals(new long[] {2, 784}, dx.shape());
    }

    @Test
    void unknownFieldsAreRejectedAndTheEncoderHasNoOutputActivation() {
        assertThrows(UnrecognizedPropertyException.class, () -> encoderConfig("{\"filter\": [3]}"));
        assertThrows(UnrecognizedPropertyException.class, () -> encoderConfig("{\"outputActivation\": \"sigmoid\"}"));
    }

    private static ConfigException invalidEncoder(String json, Context ctx) throws Exception {
        CnnConfig c = encoderConfig(json);
        return assertThrows(ConfigException.class, () -> new CnnEncoderProvider().create(c, ctx.encoder()));
    }

    private static ConfigException invalid(String json, Context ctx) throws Exception {
        ConfigException e = invalidEncoder(json, ctx);
        CnnDecoderConfig d = decoderConfig(json);
        ConfigException de = assertThrows(ConfigException.class, () -> new CnnDecoderProvider().create(d, ctx.decoder()));
        assertEquals(e.field(), de.field());
        assertEquals(e.getMessage(), de.getMessage());
        return e;
    }

    private static void assertInvalid(String field, String message, ConfigException e) {
        assertEquals(field, e.field(), e::getMessage);
        assertEquals(message, e.getMessage());
    }

    @Test
    void validationNamesTheField() throws Exception {
        Context ctx = Context.seed000();
        assertInvalid("filters", "must list the channels of at least one strided convolution, got []",
                invalid("{\"filters\": []}", ctx));
        assertInvalid("filters[1]", "must be from 1 to 65536, got 0", invalid("{\"filters\": [8, 0]}", ctx));
        assertInvalid("depth", "must be from 1 to 100, got 0", invalid("{\"depth\": 0}", ctx));
        assertInvalid("kernel", "must be from 1 to 63, got 0", invalid("{\"kernel\": 0}", ctx));
        assertInvalid("kernel", "must be odd when depth > 1 (the stride-1 convolutions keep the size with padding "
                + "(kernel - 1) / 2), got 4", invalid("{\"kernel\": 4}", ctx));
        assertInvalid("stride", "must be from 1 to 64, got 0", invalid("{\"stride\": 0}", ctx));
        assertInvalid("padding", "must be from 0 to kernel - 1 = 2, got 3", invalid("{\"padding\": 3}", ctx));
        assertInvalid("activation", "unknown activation 'swish', known: relu, leaky-relu, elu, gelu, tanh, sigmoid, "
                + "softplus", invalid("{\"activation\": \"swish\"}", ctx));
        assertInvalid("init", "unknown initializer 'glorot', known: pytorch, xavier, he",
                invalid("{\"init\": \"glorot\"}", ctx));
        assertInvalid("imageShape", "must be [channels, height, width] with values >= 1, got [28, 28]",
                invalid("{\"imageShape\": [28, 28]}", ctx));
        CnnDecoderConfig d = decoderConfig("{\"outputActivation\": \"softmax\"}");
        assertInvalid("outputActivation", "unknown output activation 'softmax', known: none, relu, leaky-relu, elu, "
                + "gelu, tanh, sigmoid, softplus",
                assertThrows(ConfigException.class, () -> new CnnDecoderProvider().create(d, ctx.decoder())));
    }

    @Test
    void imagesOfAnotherShapeThanTheArchitectureIsForAreAnError() throws Exception {
        String seed000 = "{\"imageShape\": [1, 28, 28]}";
        assertInvalid("imageShape", "the architecture is built for 1x28x28 images (channels x height x width), but "
                + "the data's images are 3x32x32: their channels and sizes differ",
                invalid(seed000, Context.cifarAutoencoder(16)));
        assertInvalid("imageShape", "the architecture is built for 1x28x28 images (channels x height x width), but "
                + "the data's images are 3x28x28: their channels differ",
                invalid(seed000, new Context(new long[] {3, 28, 28}, 4, 8, 1, DataType.FLOAT)));
        assertInvalid("imageShape", "the architecture is built for 1x28x28 images (channels x height x width), but "
                + "the data's images are 1x32x32: their sizes differ",
                invalid(seed000, new Context(new long[] {1, 32, 32}, 4, 8, 1, DataType.FLOAT)));
        assertInvalid("", "needs image data [channels, height, width]; the data's examples have shape [784]",
                invalid("{}", new Context(new long[] {784}, 4, 8, 1, DataType.FLOAT)));
    }

    @Test
    void stridedConvolutionsThatDoNotFitTheImagesAreAnErrorNamingFilters() throws Exception {
        assertInvalid("filters", "the 4 strided convolutions (kernel 7, stride 2, padding 0) do not fit 28x28 images: "
                + "28x28 -> 11x11 -> 3x3, and kernel 7 is larger than the padded 3x3 input of strided convolution 3; "
                + "use fewer filters, a smaller kernel, a smaller stride or more padding",
                invalid("{\"filters\": [8, 8, 8, 8], \"depth\": 1, \"kernel\": 7, \"padding\": 0}", Context.seed000()));
    }

    @Test
    void bothProvidersAreRegisteredForServiceLoader() {
        Map<Class<?>, Provider<?, ?>> byKind = new LinkedHashMap<>();
        for (Provider<?, ?> p : ServiceLoader.load(Provider.class)) {
            if (p.getClass().getPackageName().equals("org.vae4j.plugins.cnn") && p.getClass().getSimpleName()
                    .startsWith("Cnn")) {
                assertEquals("cnn", p.type());
                assertTrue(!p.description().isBlank());
                byKind.put(p.kind(), p);
            }
        }
        assertEquals(2, byKind.size(), byKind.toString());
        assertInstanceOf(CnnEncoderProvider.class, byKind.get(Encoder.class));
        assertInstanceOf(CnnDecoderProvider.class, byKind.get(Decoder.class));
        assertEquals(CnnConfig.class, byKind.get(Encoder.class).configClass());
        assertEquals(CnnDecoderConfig.class, byKind.get(Decoder.class).configClass());
    }
}
