package org.vae4j.engine.optim.schedule;

import org.vae4j.api.TrainingProgress;
import org.vae4j.api.optim.LearningRateSchedule;

/**
 * The rate times {@code gamma} after every epoch: {@code gamma^epoch}, as PyTorch's
 * {@code ExponentialLR} stepped once per epoch.
 *
 * @param gamma  the factor per epoch, in (0, 1]
 * @param warmup the warm-up
 */
public record ExponentialDecay(double gamma, Warmup warmup) implements LearningRateSchedule {
    @Override
    public double factor(TrainingProgress p) {
        return Math.pow(gamma, p.epoch()) * warmup.factor(p);
    }
}
