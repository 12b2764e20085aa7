package org.vae4j.plugins.cnn;

import java.util.ArrayList;
import java.util.List;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.engine.layers.Activations;

/**
 * The configuration of the {@code cnn} decoder: {@link CnnConfig} plus what follows the last
 * transposed convolution.
 */
public final class CnnDecoderConfig extends CnnConfig {
    /**
     * The function applied to the decoder's output: {@code none} (default; logits for bernoulli and
     * categorical likelihoods) or an activation, e.g. {@code sigmoid} for means in [0, 1].
     */
    public String outputActivation = "none";

    @Override
    void validate() {
        super.validate();
        List<String> names = new ArrayList<>();
        names.add("none");
        names.addAll(Activations.NAMES);
        ConfigException.require(outputActivation != null && names.contains(outputActivation), "outputActivation",
                "unknown output activation '" + outputActivation + "', known: " + String.join(", ", names));
    }
}
