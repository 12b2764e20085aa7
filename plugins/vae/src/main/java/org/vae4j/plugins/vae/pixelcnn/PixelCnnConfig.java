package org.vae4j.plugins.vae.pixelcnn;

import org.vae4j.api.spi.ConfigException;
import org.vae4j.engine.init.Initializer;

/**
 * The configuration of the {@code pixelcnn} decoder.
 *
 * <pre>{"type": "pixelcnn", "channels": 32, "layers": 3, "firstKernel": 7, "kernel": 3, "init": "pytorch"}</pre>
 */
public final class PixelCnnConfig {
    /** Feature maps of every hidden layer. */
    public int channels = 32;
    /** Type-B masked layers after the type-A one; with the kernels they set the receptive field. */
    public int layers = 3;
    /** The odd kernel of the first (type-A) masked layer. */
    public int firstKernel = 7;
    /** The odd kernel of the type-B layers. */
    public int kernel = 3;
    /** How the first weights are drawn: {@code pytorch} (default), {@code xavier}, ... */
    public String init = "pytorch";

    /** @throws ConfigException naming the field */
    void validate() {
        ConfigException.require(channels >= 1 && channels <= 4096, "channels", "must be from 1 to 4096, got " + channels);
        ConfigException.require(layers >= 0 && layers <= 64, "layers", "must be from 0 to 64, got " + layers);
        ConfigException.require(firstKernel >= 3 && firstKernel % 2 == 1 && firstKernel <= 31, "firstKernel",
                "must be odd (a centre pixel), from 3 to 31, got " + firstKernel);
        ConfigException.require(kernel >= 1 && kernel % 2 == 1 && kernel <= 31, "kernel",
                "must be odd (a centre pixel), from 1 to 31, got " + kernel);
        try {
            Initializer.named(String.valueOf(init));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("init", e.getMessage());
        }
    }
}
