package org.vae4j.plugins.vae;

import org.vae4j.api.spi.ConfigException;

/**
 * The fields of {@code "model": {"type": "vae", ...}} besides its slots: {@code "latentDim": 20}.
 */
public final class VaeConfig {
    /** L, the size of the latent code; required. */
    public Integer latentDim;

    /** @throws ConfigException naming the field */
    void validate() {
        ConfigException.require(latentDim != null, "latentDim", "is required: a whole number from 1 to 1000000");
        ConfigException.require(latentDim >= 1 && latentDim <= 1_000_000, "latentDim",
                "must be from 1 to 1000000, got " + latentDim);
    }
}
