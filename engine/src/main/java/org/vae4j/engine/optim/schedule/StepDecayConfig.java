package org.vae4j.engine.optim.schedule;

import org.vae4j.api.spi.ConfigException;

/** {@code {"type": "step", "every": 10, "gamma": 0.1}}. */
public final class StepDecayConfig extends ScheduleConfig {
    /** Epochs between decays, {@code >= 1}; required. */
    public Integer every = null;
    /** The factor of each decay, in (0, 1]. */
    public double gamma = 0.1;

    @Override
    void validate() {
        super.validate();
        ConfigException.require(every != null, "every", "is required: the epochs between decays, e.g. 10");
        ConfigException.require(every >= 1, "every", "must be >= 1, got " + every);
        ConfigException.require(gamma > 0 && gamma <= 1, "gamma", "must be > 0 and <= 1, got " + gamma);
    }
}
