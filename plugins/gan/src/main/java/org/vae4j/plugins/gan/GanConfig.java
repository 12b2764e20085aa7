package org.vae4j.plugins.gan;

import org.vae4j.api.spi.ConfigException;

/**
 * The fields of {@code "model": {"type": "gan", ...}} besides its slots:
 * {@code "latentDim": 100, "discriminatorSteps": 1}.
 */
public final class GanConfig {
    /** L, the size of the codes the generator maps from (torch_gan.py: 100). */
    public int latentDim = 100;
    /** k, the discriminator steps per generator step, each on a batch of its own (Goodfellow et al.: k). */
    public int discriminatorSteps = 1;

    /** @throws ConfigException naming the field */
    void validate() {
        ConfigException.require(latentDim >= 1 && latentDim <= 1_000_000, "latentDim",
                "must be from 1 to 1000000, got " + latentDim);
        ConfigException.require(discriminatorSteps >= 1 && discriminatorSteps <= 100, "discriminatorSteps",
                "must be from 1 to 100, got " + discriminatorSteps);
    }
}
