package org.vae4j.plugins.mlp;

import java.util.ArrayList;
import java.util.List;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.engine.layers.Activations;

/**
 * The configuration of the {@code mlp} decoder: {@link MlpConfig} plus the function applied to its
 * output.
 *
 * <pre>{"type": "mlp", "hidden": [256, 512, 1024], "activation": "leaky-relu", "negativeSlope": 0.2,
 *  "outputActivation": "tanh"}</pre>
 */
public final class MlpDecoderConfig extends MlpConfig {
    /** No output activation. */
    static final String NONE = "none";

    /**
     * {@code none} (default: logits for bernoulli and categorical likelihoods, means for a
     * Gaussian) or an activation, e.g. {@code tanh} for a GAN generator's pixels in [-1, 1].
     */
    public String outputActivation = NONE;

    @Override
    void validate() {
        super.validate();
        List<String> names = new ArrayList<>();
        names.add(NONE);
        names.addAll(Activations.NAMES);
        ConfigException.require(outputActivation != null && names.contains(outputActivation), "outputActivation",
                "unknown output activation '" + outputActivation + "', known: " + String.join(", ", names));
    }
}
