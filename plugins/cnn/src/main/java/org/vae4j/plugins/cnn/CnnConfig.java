package org.vae4j.plugins.cnn;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Activations;
import org.vae4j.engine.layers.LeakyReLU;

/**
 * The JSON configuration of a convolutional encoder or decoder. The defaults are seed 000's
 * architecture (the 4-bit Fashion-MNIST VAE):
 *
 * <pre>{"type": "cnn", "filters": [32, 64, 64], "depth": 2, "kernel": 3, "stride": 2, "activation": "gelu"}</pre>
 *
 * <p>The encoder is one strided convolution per entry of {@code filters} (its output channels),
 * with {@code depth - 1} convolutions of stride 1 that keep the channels and the size between two
 * strided ones, each followed by the activation; then the feature map is flattened and one dense
 * layer emits the posterior parameters. The decoder mirrors it: a dense layer (and the activation)
 * to the encoder's last feature map, then one transposed convolution per entry of {@code filters}
 * in reverse order, each but the last followed by the activation and {@code depth - 1} stride-1
 * convolutions; the last one emits P x C channels (P likelihood parameters per pixel, C image
 * channels) at the data's size. Output padding of the transposed convolutions is inferred so that
 * every feature map has exactly the size the encoder saw.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CnnConfig {
    /** The channels after each strided convolution, input side first. */
    public List<Integer> filters = List.of(32, 64, 64);
    /** Convolutions per resolution between two strided ones: the strided one and depth - 1 of stride 1. */
    public int depth = 2;
    /** The square kernel size of every convolution; odd when {@code depth > 1}. */
    public int kernel = 3;
    /** The stride of the strided convolutions (and the transposed ones of the decoder). */
    public int stride = 2;
    /** The zero padding of the strided convolutions; null for {@code (kernel - 1) / 2}. */
    public Integer padding;
    /** The nonlinearity after every convolution but the output one: one of {@link Activations#NAMES}. */
    public String activation = "gelu";
    /** The slope of {@code leaky-relu} for negative inputs (PyTorch's default 0.01; DCGAN uses 0.2). */
    public double negativeSlope = LeakyReLU.DEFAULT_SLOPE;
    /**
     * Whether convolutions are followed by batch normalization, before the activation: in the
     * encoder every convolution but the first (the input layer, as in DCGAN's discriminator); in
     * the decoder the dense layer and every convolution but the output one (as in DCGAN's
     * generator).
     */
    public boolean batchNorm;
    /** How weights start: pytorch (default), xavier or he. */
    public String init = "pytorch";
    /**
     * The image shape {@code [channels, height, width]} the architecture is meant for, or null to
     * fit whatever the data is; when given, data of another shape is an error naming this field.
     */
    public List<Integer> imageShape;

    /** @return the padding of the strided convolutions */
    int stridedPadding() {
        return padding != null ? padding : (kernel - 1) / 2;
    }

    /**
     * Checks every value on its own.
     *
     * @throws ConfigException naming the offending field
     */
    void validate() {
        ConfigException.require(filters != null && !filters.isEmpty(), "filters",
                "must list the channels of at least one strided convolution, got " + filters);
        for (int i = 0; i < filters.size(); i++) {
            Integer f = filters.get(i);
            ConfigException.require(f != null && f >= 1 && f <= 65_536, "filters[" + i + "]",
                    "must be from 1 to 65536, got " + f);
        }
        ConfigException.require(depth >= 1 && depth <= 100, "depth", "must be from 1 to 100, got " + depth);
        ConfigException.require(kernel >= 1 && kernel <= 63, "kernel", "must be from 1 to 63, got " + kernel);
        ConfigException.require(depth == 1 || kernel % 2 == 1, "kernel", "must be odd when depth > 1 (the stride-1 "
                + "convolutions keep the size with padding (kernel - 1) / 2), got " + kernel);
        ConfigException.require(stride >= 1 && stride <= 64, "stride", "must be from 1 to 64, got " + stride);
        ConfigException.require(padding == null || (padding >= 0 && padding < kernel), "padding",
                "must be from 0 to kernel - 1 = " + (kernel - 1) + ", got " + padding);
        requireActivation("activation", activation);
        ConfigException.require(negativeSlope >= 0 && negativeSlope < 1, "negativeSlope",
                "must be in [0, 1), got " + negativeSlope);
        try {
            Initializer.named(String.valueOf(init));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("init", e.getMessage());
        }
        if (imageShape != null) {
            boolean ok = imageShape.size() == 3;
            for (Integer v : imageShape) {
                ok &= v != null && v >= 1;
            }
            ConfigException.require(ok, "imageShape", "must be [channels, height, width] with values >= 1, got "
                    + imageShape);
        }
    }

    static void requireActivation(String field, String name) {
        ConfigException.require(name != null && Activations.NAMES.contains(name), field,
                "unknown activation '" + name + "', known: " + String.join(", ", Activations.NAMES));
    }
}
