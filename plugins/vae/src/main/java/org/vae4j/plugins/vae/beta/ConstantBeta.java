package org.vae4j.plugins.vae.beta;

import org.vae4j.api.BetaSchedule;
import org.vae4j.api.TrainingProgress;

/**
 * The same beta at every step: 1 is the plain VAE, other values a beta-VAE.
 *
 * @param value beta, {@code >= 0}
 */
public record ConstantBeta(double value) implements BetaSchedule {
    /**
     * @param value beta, {@code >= 0}
     * @throws IllegalArgumentException if {@code value} is negative or not finite
     */
    public ConstantBeta {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("beta must be a finite number >= 0, got " + value);
        }
    }

    @Override
    public double beta(TrainingProgress progress) {
        return value;
    }
}
