package org.vae4j.plugins.gan.discriminator;

import java.util.List;
import org.vae4j.api.spi.ConfigException;

/**
 * {@code "discriminator": {"type": "cnn", "filters": [64, 128], "kernel": 4, "stride": 2,
 * "padding": 1, "batchNorm": true}}: one strided convolution per entry of {@code filters}, each
 * followed by batch normalization (all but the first, as in DCGAN) and the activation, then the
 * feature map flattened into one dense layer to the logit. The defaults are torch_gan.py's DCGAN
 * discriminator.
 */
public final class CnnDiscriminatorConfig extends DiscriminatorConfig {
    /** The output channels of each strided convolution, input side first. */
    public List<Integer> filters = List.of(64, 128);
    /** The square kernel size. */
    public int kernel = 4;
    /** The stride of every convolution. */
    public int stride = 2;
    /** The zero padding of every convolution. */
    public int padding = 1;
    /** Whether every convolution but the first is followed by batch normalization. */
    public boolean batchNorm = true;

    @Override
    void validate() {
        ConfigException.require(filters != null && !filters.isEmpty(), "filters",
                "must list the channels of at least one convolution, got " + filters);
        for (int i = 0; i < filters.size(); i++) {
            Integer f = filters.get(i);
            ConfigException.require(f != null && f >= 1 && f <= 65_536, "filters[" + i + "]",
                    "must be from 1 to 65536, got " + f);
        }
        ConfigException.require(kernel >= 1 && kernel <= 63, "kernel", "must be from 1 to 63, got " + kernel);
        ConfigException.require(stride >= 1 && stride <= 64, "stride", "must be from 1 to 64, got " + stride);
        ConfigException.require(padding >= 0 && padding < kernel, "padding",
                "must be from 0 to kernel - 1 = " + (kernel - 1) + ", got " + padding);
        super.validate();
    }
}
