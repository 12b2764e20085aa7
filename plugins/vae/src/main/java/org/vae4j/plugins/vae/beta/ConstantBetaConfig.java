package org.vae4j.plugins.vae.beta;

import org.vae4j.api.spi.ConfigException;

/** Configuration of the {@code constant} beta schedule, e.g. {@code {"type": "constant", "value": 0.8}}. */
public final class ConstantBetaConfig {
    /** Beta at every step, {@code >= 0}. */
    public double value = 1.0;

    /** @throws ConfigException naming the first field out of range */
    public void validate() {
        ConfigException.require(value >= 0 && !Double.isInfinite(value), "value",
                "must be a finite number >= 0, got " + value);
    }
}
