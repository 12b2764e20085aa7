package org.vae4j.engine.optim.schedule;

import org.vae4j.api.TrainingProgress;
import org.vae4j.api.optim.LearningRateSchedule;

/**
 * The configured learning rate throughout, after the warm-up if any.
 *
 * @param warmup the warm-up
 */
public record ConstantRate(Warmup warmup) implements LearningRateSchedule {
    @Override
    public double factor(TrainingProgress p) {
        return warmup.factor(p);
    }
}
