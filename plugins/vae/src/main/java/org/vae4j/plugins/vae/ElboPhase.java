package org.vae4j.plugins.vae;

import org.nd4j.linalg.api.rng.Random;
import org.vae4j.api.data.Batch;
import org.vae4j.api.model.Metrics;
import org.vae4j.api.model.StepContext;
import org.vae4j.api.model.TrainingPhase;
import org.vae4j.plugins.vae.objective.VaeObjective;

/**
 * The one training phase of a VAE family's model: a step of its objective at the beta the
 * schedule gives for where training is, the beta reported beside the step's figures.
 */
public final class ElboPhase implements TrainingPhase {
    /** A model's training step at a given beta. */
    @FunctionalInterface
    public interface Step {
        /**
         * @param batch  the batch
         * @param beta   the KL weight
         * @param random the stream of the step's noise
         * @return the batch's sums
         */
        Metrics run(Batch batch, double beta, Random random);
    }

    private final VaeObjective objective;
    private final String group;
    private final Step step;

    /**
     * @param objective its name names the phase; its schedule gives beta
     * @param group     the parameter group the phase trains
     * @param step      the model's step
     */
    public ElboPhase(VaeObjective objective, String group, Step step) {
        this.objective = objective;
        this.group = group;
        this.step = step;
    }

    @Override
    public String name() {
        return objective.name();
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public Metrics step(Batch batch, StepContext context) {
        double b = objective.beta(context.progress());
        return step.run(batch, b, context.random()).set("beta", b);
    }
}
