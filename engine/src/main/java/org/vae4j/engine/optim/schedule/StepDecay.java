package org.vae4j.engine.optim.schedule;

import org.vae4j.api.TrainingProgress;
import org.vae4j.api.optim.LearningRateSchedule;

/**
 * The rate times {@code gamma} every {@code every} epochs: {@code gamma^floor(epoch / every)}, as
 * PyTorch's {@code StepLR} stepped once per epoch.
 *
 * @param every  epochs between decays, {@code >= 1}
 * @param gamma  the factor of each decay, in (0, 1]
 * @param warmup the warm-up
 */
public record StepDecay(int every, double gamma, Warmup warmup) implements LearningRateSchedule {
    @Override
    public double factor(TrainingProgress p) {
        return Math.pow(gamma, p.epoch() / every) * warmup.factor(p);
    }
}
