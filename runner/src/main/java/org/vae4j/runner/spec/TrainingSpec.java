package org.vae4j.runner.spec;

/**
 * {@code "training"}.
 *
 * @param epochs          how many passes over the training split
 * @param keepCheckpoints how many of the newest checkpoints to keep
 * @param testEachEpoch   also evaluate the test split after every epoch (seed 001's learning curve)
 */
public record TrainingSpec(int epochs, int keepCheckpoints, boolean testEachEpoch) {
}
