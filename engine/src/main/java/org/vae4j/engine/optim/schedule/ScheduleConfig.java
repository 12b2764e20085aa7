package org.vae4j.engine.optim.schedule;

import org.vae4j.api.spi.ConfigException;

/** What every built-in schedule takes: {@code "warmupSteps"}, a linear warm-up over the first steps. */
public class ScheduleConfig {
    /** Steps of linear warm-up before the schedule's own factor applies in full; 0 for none. */
    public long warmupSteps = 0;

    /** @throws ConfigException naming the first field out of range */
    void validate() {
        ConfigException.require(warmupSteps >= 0, "warmupSteps", "must be >= 0, got " + warmupSteps);
    }

    Warmup warmup() {
        return new Warmup(warmupSteps);
    }
}
