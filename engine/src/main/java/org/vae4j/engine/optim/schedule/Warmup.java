package org.vae4j.engine.optim.schedule;

import org.vae4j.api.TrainingProgress;

/**
 * A linear warm-up: the factor rises from {@code 1/steps} at the first step to 1 at step
 * {@code steps} (counted from 1) and stays there, as the warm-up of Goyal et al. (2017).
 *
 * @param steps the warm-up's length in optimizer steps; 0 for none
 */
public record Warmup(long steps) {
    /** @param steps the length, {@code >= 0} */
    public Warmup {
        if (steps < 0) {
            throw new IllegalArgumentException("warm-up steps must be >= 0, got " + steps);
        }
    }

    /**
     * @param p where training is
     * @return the warm-up's factor at that step
     */
    public double factor(TrainingProgress p) {
        return p.step() >= steps ? 1 : (p.step() + 1) / (double) steps;
    }
}
