package org.vae4j.plugins.cnn;

import org.vae4j.api.spi.ConfigException;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Activations;

/**
 * The JSON configuration of seed 004's convolutional autoencoder ({@code "type": "conv-ae"}),
 * shared by its encoder and decoder, which must be given the same values:
 *
 * <pre>{"type": "conv-ae", "channels": 64, "kernel": 5, "stride": 1, "pooling": 2, "activation": "elu"}</pre>
 *
 * Seed 004's {@code AutoEncoder(in_channels, hid_channels, code_channels, kernel_size, stride,
 * pooling, activation)}: {@code in_channels} comes from the data, {@code hid_channels} is
 * {@link #channels} and {@code code_channels} follows from the latent size (see {@link #latent}).
 */
public final class ConvAeConfig {
    /** The channels of the hidden layer (seed 004's {@code hid_channels}), >= 1. */
    public int channels = 64;
    /** The kernel size of both convolutions, >= 1; the padding is {@code kernel / 2}. */
    public int kernel = 5;
    /** The stride of both convolutions, >= 1. */
    public int stride = 1;
    /** The window and stride of the average pooling, and the decoder's upsampling factor, >= 1. */
    public int pooling = 2;
    /** The nonlinearity after the first convolution (and before the dense layer): one of {@link Activations#NAMES}. */
    public String activation = "relu";
    /**
     * {@code "spatial"}: the code is the last convolution's {@code code_channels x h x w} output
     * itself (seed 004), so latentDim must be a multiple of {@code h x w} and
     * {@code code_channels = latentDim / (h w)}; {@code "dense"}: a dense layer maps a
     * {@link #codeChannels} x h x w grid to latentDim values and back.
     */
    public String latent = "spatial";
    /** The channels of the code grid; with a spatial latent it may be left out (it follows from latentDim). */
    public Integer codeChannels = null;
    /** How weights start: pytorch (default), xavier or he. */
    public String init = "pytorch";

    /** @throws ConfigException naming the offending field */
    void validate() {
        ConfigException.require(channels >= 1, "channels", "must be >= 1, got " + channels);
        ConfigException.require(kernel >= 1, "kernel", "must be >= 1, got " + kernel);
        ConfigException.require(stride >= 1, "stride", "must be >= 1, got " + stride);
        ConfigException.require(pooling >= 1, "pooling", "must be >= 1, got " + pooling);
        ConfigException.require(activation != null && Activations.NAMES.contains(activation), "activation",
                "unknown activation '" + activation + "', known: " + String.join(", ", Activations.NAMES));
        ConfigException.require("spatial".equals(latent) || "dense".equals(latent), "latent",
                "must be spatial or dense, got " + (latent == null ? "null" : "'" + latent + "'"));
        ConfigException.require(codeChannels == null || codeChannels >= 1, "codeChannels",
                "must be >= 1, got " + codeChannels);
        try {
            Initializer.named(String.valueOf(init));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("init", e.getMessage());
        }
    }
}
