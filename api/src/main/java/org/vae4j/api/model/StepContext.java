package org.vae4j.api.model;

import org.nd4j.linalg.api.rng.Random;
import org.vae4j.api.TrainingProgress;

/**
 * What a training phase gets besides its batch.
 *
 * @param progress where training is (for schedules such as beta)
 * @param random   the stream of the step's noise, derived from the run seed and the epoch
 */
public record StepContext(TrainingProgress progress, Random random) {
}
