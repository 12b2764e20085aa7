package org.vae4j.plugins.gan.discriminator;

import org.vae4j.api.spi.ConfigException;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Activations;

/** What every built-in discriminator's configuration has: its nonlinearity and initialization. */
public abstract class DiscriminatorConfig {
    /** The nonlinearity between layers: one of {@link Activations#NAMES}. */
    public String activation = "leaky-relu";
    /** The slope of {@code leaky-relu} for negative inputs; 0.2 as in DCGAN and torch_gan.py. */
    public double negativeSlope = 0.2;
    /** How weights start: pytorch (default), xavier or he. */
    public String init = "pytorch";

    /** @throws ConfigException naming the offending field */
    void validate() {
        ConfigException.require(activation != null && Activations.NAMES.contains(activation), "activation",
                "unknown activation '" + activation + "', known: " + String.join(", ", Activations.NAMES));
        ConfigException.require(negativeSlope >= 0 && negativeSlope < 1, "negativeSlope",
                "must be in [0, 1), got " + negativeSlope);
        try {
            Initializer.named(String.valueOf(init));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("init", e.getMessage());
        }
    }
}
