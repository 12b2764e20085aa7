package org.vae4j.plugins.vae.hierarchical;

import org.vae4j.api.spi.ConfigException;

/**
 * The fields of {@code "model": {"type": "hierarchical-vae", ...}} besides its slots:
 * {@code "latentDims": [L1, L2]}, the sizes of z1 (next to the data) and z2 (the top).
 */
public final class HierarchicalVaeConfig {
    /** {@code [L1, L2]}; required. */
    public int[] latentDims;

    /** @throws ConfigException naming the field */
    void validate() {
        ConfigException.require(latentDims != null && latentDims.length == 2, "latentDims",
                "is required: two whole numbers [L1, L2], the sizes of z1 (next to the data) and z2 (the top)");
        for (int i = 0; i < 2; i++) {
            int l = latentDims[i];
            ConfigException.require(l >= 1 && l <= 1_000_000, "latentDims[" + i + "]",
                    "must be from 1 to 1000000, got " + l);
        }
    }
}
