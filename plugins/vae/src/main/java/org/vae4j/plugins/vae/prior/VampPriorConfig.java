package org.vae4j.plugins.vae.prior;

import org.vae4j.api.spi.ConfigException;

/** {@code "prior": {"type": "vamp", "pseudoInputs": 500}}. */
public final class VampPriorConfig {
    /** K, the learned pseudo-inputs whose posteriors form the prior. */
    public int pseudoInputs = 500;

    /** @throws ConfigException naming the field */
    void validate() {
        ConfigException.require(pseudoInputs >= 1 && pseudoInputs <= 100_000, "pseudoInputs",
                "must be from 1 to 100000, got " + pseudoInputs);
    }
}
