package org.vae4j.plugins.vae.posterior;

import org.vae4j.api.spi.ConfigException;

/** {@code "posterior": {"type": "planar", "steps": 4}}. */
public final class PlanarFlowConfig {
    /** K, the number of planar steps. */
    public int steps = 4;

    /** @throws ConfigException naming the field */
    void validate() {
        ConfigException.require(steps >= 1 && steps <= 1000, "steps", "must be from 1 to 1000, got " + steps);
    }
}
