package org.vae4j.plugins.vae.prior;

import org.vae4j.api.spi.ConfigException;

/** {@code "prior": {"type": "mog", "components": 10, "initialStd": 1}}. */
public final class MixturePriorConfig {
    /** C, the mixture's components. */
    public int components = 10;
    /** The spread of the components' initial means around 0. */
    public double initialStd = 1.0;

    /** @throws ConfigException naming the field */
    void validate() {
        ConfigException.require(components >= 1 && components <= 10_000, "components",
                "must be from 1 to 10000, got " + components);
        ConfigException.require(initialStd >= 0 && initialStd <= 100, "initialStd",
                "must be from 0 to 100, got " + initialStd);
    }
}
