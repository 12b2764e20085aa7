package org.vae4j.engine.optim.schedule;

import com.google.auto.service.AutoService;
import org.vae4j.api.optim.LearningRateSchedule;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** {@code "schedule": {"type": "constant", "warmupSteps": 500}}: a warm-up alone, or nothing. */
@AutoService(Provider.class)
public final class ConstantRateProvider extends AbstractProvider<LearningRateSchedule, ScheduleConfig> {
    /** Registers {@code constant}. */
    public ConstantRateProvider() {
        super(LearningRateSchedule.class, "constant", ScheduleConfig.class,
                "the configured learning rate, after an optional linear warm-up");
    }

    @Override
    public void validate(ScheduleConfig c) {
        c.validate();
    }

    @Override
    public LearningRateSchedule create(ScheduleConfig c, BuildContext context) {
        c.validate();
        return new ConstantRate(c.warmup());
    }
}
