package org.vae4j.engine.optim.schedule;

import org.vae4j.api.TrainingProgress;
import org.vae4j.api.optim.LearningRateSchedule;

/**
 * Half a cosine from 1 down to {@code minFactor} over the run's steps after the warm-up, step by
 * step: {@code min + (1 - min) (1 + cos(pi t / T)) / 2} with t the steps since the warm-up and T
 * the run's steps less the warm-up (Loshchilov and Hutter's SGDR without restarts; PyTorch's
 * {@code CosineAnnealingLR} stepped every batch with {@code T_max} the run's steps). The run's
 * steps are those of the epochs the schedule was laid over, so {@code --resume --epochs} keeps
 * the curve a run started with.
 *
 * @param minFactor the factor at the end, in [0, 1]
 * @param warmup    the warm-up
 */
public record CosineAnnealing(double minFactor, Warmup warmup) implements LearningRateSchedule {
    @Override
    public double factor(TrainingProgress p) {
        if (p.step() < warmup.steps()) {
            return warmup.factor(p);
        }
        long total = Math.max(1, p.epochs() * p.stepsPerEpoch() - warmup.steps());
        double t = Math.min(1, (p.step() - warmup.steps()) / (double) total);
        return minFactor + (1 - minFactor) * (1 + Math.cos(Math.PI * t)) / 2;
    }
}
