package org.vae4j.engine.optim.schedule;

import org.vae4j.api.spi.ConfigException;

/** {@code {"type": "cosine", "minFactor": 0, "warmupSteps": 0}}. */
public final class CosineAnnealingConfig extends ScheduleConfig {
    /** The factor reached at the last step, in [0, 1]. */
    public double minFactor = 0;

    @Override
    void validate() {
        super.validate();
        ConfigException.require(minFactor >= 0 && minFactor <= 1, "minFactor",
                "must be >= 0 and <= 1, got " + minFactor);
    }
}
