package org.vae4j.plugins.vae.beta;

import org.vae4j.api.spi.ConfigException;

/**
 * Configuration of the {@code linear} beta schedule, e.g. {@code {"type": "linear", "target": 1.2}}
 * (see {@link LinearBeta} for the rule).
 */
public final class LinearBetaConfig {
    /** The beta reached at the end of the ramp, {@code >= 0}. */
    public double target = 1.0;
    /** The epoch at which beta reaches {@link #target}, {@code >= 1}; null means the last epoch. */
    public Integer untilEpoch = null;

    /** @throws ConfigException naming the first field out of range */
    public void validate() {
        ConfigException.require(target >= 0 && !Double.isInfinite(target), "target",
                "must be a finite number >= 0, got " + target);
        ConfigException.require(untilEpoch == null || untilEpoch >= 1, "untilEpoch",
                "must be >= 1 (or absent for the last epoch), got " + untilEpoch);
    }
}
