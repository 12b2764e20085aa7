package org.vae4j.plugins.cnn;

import org.vae4j.api.Pass;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.engine.testing.Arrays.randn;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.Decoder;
import org.vae4j.api.Encoder;
import org.vae4j.api.Layer;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.api.spi.Provider;
import org.vae4j.engine.gradcheck.GradientCheck;
import org.vae4j.engine.testing.TestContext;
import org.vae4j.engine.layers.conv.AvgPool2d;
import org.vae4j.engine.layers.conv.Conv2d;
import org.vae4j.engine.layers.conv.ConvTranspose2d;
import org.vae4j.engine.layers.conv.Upsample;

/** Seed 004, exercise 3: the convolutional autoencoder ({@code "type": "conv-ae"}). */
class ConvAutoEncoderTest {
    /** The shapes a conv-ae encoder and decoder get for images of a given shape. */
    private record Context(long[] shape, int latentDim, int encoderOutputWidth, int likelihoodParameters,
                           DataType dataType) {
        static Context autoencoder(long[] shape, int latent) {
            return new Context(shape, latent, latent, 1, DataType.FLOAT);
        }

        static Context vae(long[] shape, int latent) {
            return new Context(shape, latent, 2 * latent, 1, DataType.FLOAT);
        }

        TestContext encoder() {
            return TestContext.of(shape).type(dataType).latent(latentDim).seed(5)
                    .shapes(shape, new long[] {encoderOutputWidth});
        }

        TestContext decoder() {
            long d = shape[0] * shape[1] * shape[2];
            return TestContext.of(shape).type(dataType).latent(latentDim).seed(5)
                    .shapes(new long[] {latentDim}, new long[] {likelihoodParameters * d});
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long[] MNIST = {1, 28, 28};

    private static ConvAeConfig config(String json) throws Exception {
        return JSON.readValue(json, ConvAeConfig.class);
    }

    /** Seed 004's {@code AutoEncoder(in, hid, code, kernel)} on 28x28: latentDim = code x 14 x 14. */
    private static Encoder encoder(int hid, int code, int kernel) throws Exception {
        return new ConvAeEncoderProvider().create(config("{\"channels\": " + hid + ", \"kernel\": " + kernel + "}"), Context.autoencoder(MNIST, code * 196).encoder());
    }

    private static Decoder decoder(int hid, int code, int kernel) throws Exception {
        return new ConvAeDecoderProvider().create(config("{\"channels\": " + hid + ", \"kernel\": " + kernel + "}"), Context.autoencoder(MNIST, code * 196).decoder());
    }

    private static long count(Layer seq, Class<?> type) {
        return seq.children().stream().filter(type::isInstance).count();
    }

    /** Seed 004: {@code len(AutoEncoder(1, 1, 1, 3).encoder) > 3}: two convolutions and an average pooling. */
    @Test
    void encoderHasMoreThanThreeModulesTwoConvolutionsAndAnAveragePooling() throws Exception {
        Encoder enc = encoder(1, 1, 3);
        List<Layer> modules = enc.children();
        assertTrue(modules.size() > 3, modules.toString());
        assertEquals(2, count(enc, Conv2d.class));
        assertEquals(1, count(enc, AvgPool2d.class));
        assertEquals("Reshape(784 -> 1x28x28) -> Conv2d(1 -> 1, kernel 3, stride 1, padding 1; 1x28x28 -> 1x28x28)"
                + " -> ReLU -> AvgPool2d(kernel 2, stride 2, padding 0; 1x28x28 -> 1x14x14)"
                + " -> Conv2d(1 -> 1, kernel 3, stride 1, padding 1; 1x14x14 -> 1x14x14) -> Flatten(1x14x14 -> 196)",
                enc.describe());
    }

    /** Seed 004: {@code len(AutoEncoder(1, 1, 1, 3).decoder) > 3}: the mirror, upsampling in place of pooling. */
    @Test
    void decoderHasMoreThanThreeModulesMirroringTheEncoderWithUpsampling() throws Exception {
        Decoder dec = decoder(1, 1, 3);
        assertTrue(dec.children().size() > 3, dec.children().toString());
        assertEquals(2, count(dec, ConvTranspose2d.class));
        assertEquals(1, count(dec, Upsample.class));
        assertEquals(0, count(dec, AvgPool2d.class));
    }

    /** Seed 004: {@code AutoEncoder(1, 16, 8, 5)(randn(1, 1, 28, 28))} has the input's shape. */
    @Test
    void reconstructionHasTheInputsShape() throws Exception {
        Encoder enc = encoder(16, 8, 5);
        Decoder dec = decoder(16, 8, 5);
        INDArray x = randn(DataType.FLOAT, 1, 1, 1, 28, 28);
        INDArray code = enc.forward(x.reshape(1, 784), Pass.inference());
        assertArrayEquals(new long[] {1, 8 * 14 * 14}, code.shape());
        INDArray y = dec.forward(code, Pass.inference()).reshape(1, 1, 28, 28);
        assertArrayEquals(x.shape(), y.shape());
    }

    /** Strides, odd sizes and colour: the output paddings bring every size back; a VAE's encoder emits mean and log-variance. */
    @Test
    void sizesComeBackForStridesColourAndTheVariationalCase() throws Exception {
        // kernel 7, stride 2 on 28: 28 -> 14 -> 7 -> 4, and back 4 -> 7 -> 14 -> 28
        ConvAeConfig c = config("{\"channels\": 4, \"kernel\": 7, \"stride\": 2}");
        var ctx = Context.vae(MNIST, 3 * 16);
        Encoder enc = new ConvAeEncoderProvider().create(c, ctx.encoder());
        Decoder dec = new ConvAeDecoderProvider().create(c, ctx.decoder());
        assertArrayEquals(new long[] {2 * 48}, enc.outputShape());
        assertArrayEquals(new long[] {48}, dec.inputShape());
        assertArrayEquals(new long[] {784}, dec.outputShape());
        // CIFAR-shaped, dense code of 20
        ConvAeConfig d = config("{\"channels\": 8, \"kernel\": 3, \"latent\": \"dense\", \"codeChannels\": 4, "
                + "\"activation\": \"elu\"}");
        var cifar = Context.vae(new long[] {3, 32, 32}, 20);
        Encoder e2 = new ConvAeEncoderProvider().create(d, cifar.encoder());
        Decoder d2 = new ConvAeDecoderProvider().create(d, cifar.decoder());
        assertArrayEquals(new long[] {40}, e2.outputShape());
        assertArrayEquals(new long[] {3 * 32 * 32}, d2.outputShape());
        INDArray out = d2.forward(e2.forward(randn(DataType.FLOAT, 2, 5, 3072), Pass.inference())
                .get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 20))
                .dup(), Pass.inference());
        assertArrayEquals(new long[] {5, 3072}, out.shape());
    }

    /** Sizes that cannot come back, and latent sizes that do not fit the code grid, are named. */
    @Test
    void configurationsThatCannotFitAreNamed() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConvAeEncoderProvider()
                .create(config("{}"), Context.autoencoder(MNIST, 100).encoder()));
        assertEquals("latent", e.field());
        assertEquals("with a spatial latent, latentDim must be code channels x 14 x 14 (the code grid), a multiple of "
                + "196, e.g. 3136 for 16 channels; got 100 (or use \"latent\": \"dense\")", e.getMessage());
        ConfigException p = assertThrows(ConfigException.class, () -> new ConvAeDecoderProvider()
                .create(config("{\"kernel\": 4}"), Context.autoencoder(MNIST, 196).decoder()));
        assertEquals("pooling", p.field());
        ConfigException a = assertThrows(ConfigException.class, () -> new ConvAeDecoderProvider()
                .create(config("{\"activation\": \"swish\"}"), Context.autoencoder(MNIST, 196).decoder()));
        assertEquals("activation", a.field());
    }

    /** The assembled encoder and decoder back-propagate correctly (central differences, double precision). */
    @Test
    void encoderAndDecoderPassGradientChecks() throws Exception {
        ConvAeConfig c = config("{\"channels\": 2, \"kernel\": 3, \"stride\": 2, \"activation\": \"elu\"}");
        var ctx = new Context(new long[] {1, 12, 12}, 8, 16, 1, DataType.DOUBLE);
        Encoder enc = new ConvAeEncoderProvider().create(c, ctx.encoder());
        Decoder dec = new ConvAeDecoderProvider().create(c, ctx.decoder());
        GradientCheck.layer(enc, org.vae4j.engine.testing.Arrays.uniform(DataType.DOUBLE, 1, 2, 144), 3).assertWithin(1e-6);
        GradientCheck.layer(dec, org.vae4j.engine.testing.Arrays.uniform(DataType.DOUBLE, 2, 2, 8), 4).assertWithin(1e-6);
    }

    /** The providers are registered: the conv-ae encoder and decoder (seed 004's output assumptions are the VAE plugin's). */
    @Test
    void providersAreRegistered() {
        Set<String> found = new HashSet<>();
        for (Provider<?, ?> p : ServiceLoader.load(Provider.class)) {
            found.add(p.kind().getSimpleName() + ":" + p.type());
        }
        assertTrue(found.containsAll(Set.of("Encoder:conv-ae", "Decoder:conv-ae")), found.toString());
    }
}
