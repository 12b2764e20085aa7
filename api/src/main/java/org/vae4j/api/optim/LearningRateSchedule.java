package org.vae4j.api.optim;

import org.vae4j.api.TrainingProgress;
import org.vae4j.api.spi.ComponentKind;

/**
 * How an optimizer's learning rate changes during training, as a factor of the rate its spec
 * configures: {@code "optimizer": {"type": "adam", "lr": 0.001, "schedule": {"type": "cosine"}}}.
 * The trainer asks for the factor before every step, so a schedule is a pure function of where
 * training is; that is what makes a resumed run take the same steps as an uninterrupted one.
 */
@FunctionalInterface
@ComponentKind("learning-rate schedule")
public interface LearningRateSchedule {

    /**
     * @param progress where training is; {@code progress.step()} counts the steps of the run
     * @return the factor of the configured learning rate for this step, finite and {@code >= 0}
     */
    double factor(TrainingProgress progress);
}
