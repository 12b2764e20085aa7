package org.vae4j.plugins.mlp;

import org.vae4j.api.Pass;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import org.vae4j.engine.params.ParameterStore;

class MlpProvidersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The shapes an MLP encoder and decoder get for 28x28 grey images with L latent dimensions. */
    private record Context(int latentDim, int encoderOutputWidth, int likelihoodParameters, DataType dataType) {
        static Context vae(int latent) {
            return new Context(latent, 2 * latent, 1, DataType.FLOAT);
        }

        static Context autoencoder(int latent) {
            return new Context(latent, latent, 1, DataType.FLOAT);
        }

        TestContext encoder() {
            return TestContext.of(1, 28, 28).type(dataType).latent(latentDim).seed(3)
                    .shapes(new long[] {1, 28, 28}, new long[] {encoderOutputWidth});
        }

        TestContext decoder() {
            return TestContext.of(1, 28, 28).type(dataType).latent(latentDim).seed(3)
                    .shapes(new long[] {latentDim}, new long[] {likelihoodParameters * 784L});
        }
    }

    private static MlpConfig config(String json) throws Exception {
        return JSON.readValue(json, MlpConfig.class);
    }

    private static MlpDecoderConfig decoderConfig(String json) throws Exception {
        return JSON.readValue(json, MlpDecoderConfig.class);
    }

    private static long count(Layer layer, String root) {
        Map<String, Layer> roots = new LinkedHashMap<>();
        roots.put(root, layer);
        return ParameterStore.of(org.vae4j.api.model.ParameterGroup.of("g", roots), DataType.FLOAT).count();
    }

    @Test
    void seed004EncoderIs784To400ToTwiceTwenty() throws Exception {
        Encoder enc = new MlpEncoderProvider().create(config("{}"), Context.vae(20).encoder());
        assertInstanceOf(MlpEncoder.class, enc);
        assertArrayEquals(new long[] {784}, enc.inputShape());
        assertArrayEquals(new long[] {40}, enc.outputShape());
        assertEquals("Dense(784 -> 400) -> ReLU -> Dense(400 -> 40)", enc.describe());
        assertEquals(784 * 400 + 400 + 400 * 40 + 40, count(enc, "encoder"));
        Map<String, Layer> roots = new LinkedHashMap<>();
        roots.put("encoder", enc);
        assertEquals(List.of("encoder.0.weight", "encoder.0.bias", "encoder.2.weight", "encoder.2.bias"),
                List.copyOf(ParameterStore.of(org.vae4j.api.model.ParameterGroup.of("g", roots), DataType.FLOAT).byName().keySet()));
        INDArray out = enc.forward(Nd4j.rand(DataType.FLOAT, 3, 784), Pass.inference());
        assertArrayEquals(new long[] {3, 40}, out.shape());
        assertEquals(DataType.FLOAT, out.dataType());
    }

    @Test
    void seed003AutoencoderIs784To400ToTwenty() throws Exception {
        Encoder enc = new MlpEncoderProvider().create(config("{\"hidden\": [400]}"), Context.autoencoder(20).encoder());
        assertArrayEquals(new long[] {20}, enc.outputShape());
        assertEquals(784 * 400 + 400 + 400 * 20 + 20, count(enc, "encoder"));
        Decoder dec = new MlpDecoderProvider().create(decoderConfig("{}"), Context.autoencoder(20).decoder());
        assertInstanceOf(MlpDecoder.class, dec);
        assertArrayEquals(new long[] {20}, dec.inputShape());
        assertArrayEquals(new long[] {784}, dec.outputShape());
        assertEquals("Dense(20 -> 400) -> ReLU -> Dense(400 -> 784)", dec.describe());
        assertEquals(20 * 400 + 400 + 400 * 784 + 784, count(dec, "decoder"));
    }

    @Test
    void decoderWidthFollowsTheLikelihoodsParametersPerDimension() throws Exception {
        Decoder dec = new MlpDecoderProvider().create(decoderConfig("{\"hidden\": [64, 32], \"activation\": \"gelu\"}"), new Context(8, 16, 2, DataType.DOUBLE).decoder());
        assertArrayEquals(new long[] {2 * 784}, dec.outputShape());
        assertEquals("Dense(8 -> 64) -> GELU -> Dense(64 -> 32) -> GELU -> Dense(32 -> 1568)", dec.describe());
        assertEquals(DataType.DOUBLE, dec.forward(Nd4j.zeros(DataType.DOUBLE, 1, 8), Pass.inference()).dataType());
    }

    @Test
    void noHiddenLayersIsOneLinearMap() throws Exception {
        Encoder enc = new MlpEncoderProvider().create(config("{\"hidden\": []}"), Context.vae(2).encoder());
        assertEquals("Dense(784 -> 4)", enc.describe());
        assertEquals(784 * 4 + 4, count(enc, "encoder"));
    }

    @Test
    void defaultsAndInitializers() throws Exception {
        MlpConfig defaults = config("{}");
        assertEquals(List.of(400), defaults.hidden);
        assertEquals("relu", defaults.activation);
        assertEquals("pytorch", defaults.init);
        assertThrows(UnrecognizedPropertyException.class, () -> config("{\"hiden\": [3]}"));

        // pytorch: U(-1/sqrt(784), 1/sqrt(784)) for the first layer's weights and biases
        Encoder py = new MlpEncoderProvider().create(defaults, Context.vae(20).encoder());
        INDArray w = py.children().get(0).parameters().get(0).value();
        double bound = 1 / Math.sqrt(784);
        double wmax = w.amaxNumber().doubleValue();
        // (FLOAT weights: the bound itself rounds to within 1e-8)
        assertTrue(wmax <= bound + 1e-8 && wmax > 0.9 * bound, wmax + " vs " + bound);
        assertTrue(py.children().get(0).parameters().get(1).value().amaxNumber().doubleValue() > 0);
        // xavier: biases start at 0
        Encoder xavier = new MlpEncoderProvider().create(config("{\"init\": \"XAVIER\"}"), Context.vae(20).encoder());
        assertEquals(0.0, xavier.children().get(0).parameters().get(1).value().amaxNumber().doubleValue());
        double xb = Math.sqrt(6.0 / (784 + 400));
        double xw = xavier.children().get(0).parameters().get(0).value().amaxNumber().doubleValue();
        assertTrue(xw <= xb + 1e-8 && xw > 0.9 * xb, xw + " vs " + xb);
    }

    private static ConfigException invalid(String json) throws Exception {
        MlpConfig c = config(json);
        ConfigException e = assertThrows(ConfigException.class,
                () -> new MlpEncoderProvider().create(c, Context.vae(20).encoder()));
        MlpDecoderConfig d = decoderConfig(json);
        assertThrows(ConfigException.class, () -> new MlpDecoderProvider().create(d, Context.vae(20).decoder()));
        return e;
    }

    @Test
    void validationNamesTheField() throws Exception {
        ConfigException hidden = invalid("{\"hidden\": [400, 0]}");
        assertEquals("hidden[1]", hidden.field());
        assertEquals("must be >= 1, got 0", hidden.getMessage());
        assertEquals("hidden[0]", invalid("{\"hidden\": [-3]}").field());
        assertEquals("hidden[2]", invalid("{\"hidden\": [8, 4, null]}").field());
        assertEquals("hidden", invalid("{\"hidden\": null}").field());

        ConfigException activation = invalid("{\"activation\": \"swish\"}");
        assertEquals("activation", activation.field());
        assertEquals("unknown activation 'swish', known: relu, leaky-relu, elu, gelu, tanh, sigmoid, softplus",
                activation.getMessage());
        assertEquals("activation", invalid("{\"activation\": null}").field());

        ConfigException init = invalid("{\"init\": \"glorot\"}");
        assertEquals("init", init.field());
        assertEquals("unknown initializer 'glorot', known: pytorch, xavier, he", init.getMessage());
    }

    @Test
    void torchGanGeneratorHasLeakySlopeAndTanhOutput() throws Exception {
        // ../shared/peers/torch_gan.py: G 100-256-512-1024-784, LeakyReLU(0.2), tanh out
        Decoder g = new MlpDecoderProvider().create(decoderConfig("{\"hidden\": [256, 512, 1024], \"activation\": "
                + "\"leaky-relu\", \"negativeSlope\": 0.2, \"outputActivation\": \"tanh\"}"),
                TestContext.of(1, 28, 28).latent(100).seed(3).shapes(new long[] {100}, new long[] {784}));
        assertEquals("Dense(100 -> 256) -> LeakyReLU(0.2) -> Dense(256 -> 512) -> LeakyReLU(0.2) -> Dense(512 -> 1024)"
                + " -> LeakyReLU(0.2) -> Dense(1024 -> 784) -> Tanh", g.describe());
        INDArray x = g.forward(Nd4j.randn(DataType.FLOAT, 5, 100).muli(30), Pass.inference());
        assertTrue(x.amaxNumber().doubleValue() <= 1.0);
        // the encoder has no output activation
        assertThrows(UnrecognizedPropertyException.class, () -> config("{\"outputActivation\": \"tanh\"}"));
    }

    @Test
    void batchNormGoesBetweenEachHiddenLayerAndItsActivation() throws Exception {
        Encoder enc = new MlpEncoderProvider().create(config("{\"hidden\": [32, 16], \"batchNorm\": true}"),
                Context.vae(2).encoder());
        assertEquals("Dense(784 -> 32) -> BatchNorm1d(32) -> ReLU -> Dense(32 -> 16) -> BatchNorm1d(16) -> ReLU"
                + " -> Dense(16 -> 4)", enc.describe());
        assertEquals(784 * 32 + 32 + 2 * 32 + 32 * 16 + 16 + 2 * 16 + 16 * 4 + 4, count(enc, "encoder"));
        assertEquals("negativeSlope", invalid("{\"negativeSlope\": -0.1}").field());
        assertEquals("outputActivation", assertThrows(ConfigException.class, () -> new MlpDecoderProvider()
                .create(decoderConfig("{\"outputActivation\": \"swish\"}"), Context.vae(2).decoder())).field());
    }

    @Test
    void bothProvidersAreRegisteredForServiceLoader() {
        List<Provider<?, ?>> mlp = new ArrayList<>();
        for (Provider<?, ?> p : ServiceLoader.load(Provider.class)) {
            if (p.getClass().getPackageName().equals("org.vae4j.plugins.mlp")) {
                mlp.add(p);
            }
        }
        assertEquals(2, mlp.size(), mlp.toString());
        Map<Class<?>, Provider<?, ?>> byKind = new LinkedHashMap<>();
        for (Provider<?, ?> p : mlp) {
            assertEquals("mlp", p.type());
            assertTrue(MlpConfig.class.isAssignableFrom(p.configClass()), p.configClass().toString());
            assertTrue(!p.description().isBlank());
            byKind.put(p.kind(), p);
        }
        assertInstanceOf(MlpEncoderProvider.class, byKind.get(Encoder.class));
        assertInstanceOf(MlpDecoderProvider.class, byKind.get(Decoder.class));
    }

    @Test
    void serviceFileListsBothProviders() throws Exception {
        List<String> lines = new ArrayList<>();
        java.util.Enumeration<java.net.URL> files = getClass().getClassLoader()
                .getResources("META-INF/services/org.vae4j.api.spi.Provider");
        while (files.hasMoreElements()) {
            try (java.io.InputStream in = files.nextElement().openStream()) {
                new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                        .map(String::trim).forEach(lines::add);
            }
        }
        assertTrue(lines.contains("org.vae4j.plugins.mlp.MlpEncoderProvider"), lines.toString());
        assertTrue(lines.contains("org.vae4j.plugins.mlp.MlpDecoderProvider"), lines.toString());
    }
}
