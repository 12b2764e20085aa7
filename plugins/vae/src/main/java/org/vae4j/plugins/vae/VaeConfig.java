package org.vae4j.plugins.vae;

import org.vae4j.api.spi.ConfigException;

/**
 * The fields of {@code "model": {"type": "vae", ...}} besides its slots: {@code "latentDim": 20}, {@code "conditional": false}.
 */
public final class VaeConfig {
    /** L, the size of the latent code; required. */
    public Integer latentDim;
    /**
     * Whether encoder and decoder see the class label too (a conditional VAE, Sohn et al. 2015):
     * their inputs get a one-hot class appended; the data must have labels of two or more classes.
     */
    public boolean conditional;

    /** @throws ConfigException naming the field */
    void validate() {
        ConfigException.require(latentDim != null, "latentDim", "is required: a whole number from 1 to 1000000");
        ConfigException.require(latentDim >= 1 && latentDim <= 1_000_000, "latentDim",
                "must be from 1 to 1000000, got " + latentDim);
    }
}
