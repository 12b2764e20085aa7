package org.vae4j.plugins.gan.discriminator;

import java.util.List;
import org.vae4j.api.spi.ConfigException;

/**
 * {@code "discriminator": {"type": "mlp", "hidden": [512, 256], "activation": "leaky-relu",
 * "negativeSlope": 0.2}}: dense layers of the hidden sizes, each followed by the activation, then
 * one dense layer to the logit. The defaults are torch_gan.py's MLP discriminator.
 */
public final class MlpDiscriminatorConfig extends DiscriminatorConfig {
    /** Sizes of the hidden layers, input side first. */
    public List<Integer> hidden = List.of(512, 256);

    @Override
    void validate() {
        ConfigException.require(hidden != null, "hidden", "must be a list of layer sizes, got null");
        for (int i = 0; i < hidden.size(); i++) {
            Integer h = hidden.get(i);
            ConfigException.require(h != null && h >= 1, "hidden[" + i + "]", "must be >= 1, got " + h);
        }
        super.validate();
    }
}
