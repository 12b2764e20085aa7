package org.vae4j.api;

/**
 * The weight beta of the KL term during training, as in beta-VAE: the objective trained is
 * {@code E_q[log p(x|z)] - beta * KL(q || p)}. Reported validation and test figures always use
 * beta = 1; beta only shapes training.
 */
@FunctionalInterface
@org.vae4j.api.spi.ComponentKind("beta schedule")
public interface BetaSchedule {

    /**
     * @param progress where training is
     * @return beta for the step described by {@code progress}, {@code >= 0}
     */
    double beta(TrainingProgress progress);
}
