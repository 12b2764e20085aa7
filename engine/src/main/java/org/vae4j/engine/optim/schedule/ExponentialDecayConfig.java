package org.vae4j.engine.optim.schedule;

import org.vae4j.api.spi.ConfigException;

/** {@code {"type": "exponential", "gamma": 0.95}}. */
public final class ExponentialDecayConfig extends ScheduleConfig {
    /** The factor per epoch, in (0, 1]; required. */
    public Double gamma = null;

    @Override
    void validate() {
        super.validate();
        ConfigException.require(gamma != null, "gamma", "is required: the factor per epoch, e.g. 0.95");
        ConfigException.require(gamma > 0 && gamma <= 1, "gamma", "must be > 0 and <= 1, got " + gamma);
    }
}
