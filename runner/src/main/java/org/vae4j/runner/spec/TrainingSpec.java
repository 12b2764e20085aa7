package org.vae4j.runner.spec;

/**
 * {@code "training"}.
 *
 * @param epochs          how many passes over the training split
 * @param keepCheckpoints how many of the newest checkpoints to keep
 * @param testEachEpoch   also evaluate the test split after every epoch (seed 001's learning curve)
 * @param scheduleEpochs  the epochs schedules (such as a linear beta ramp to "the last epoch") are
 *                        laid over: {@code epochs}, unless {@code --resume --epochs} extended the
 *                        run, which must not rescale what already ran
 * @param earlyStopping   when to stop before {@code epochs}, or null to train them all
 * @param iwEvery         log the importance-weighted NLL of the test split every this many epochs; 0: never
 * @param iwSamples       its samples per image, K
 * @param iwExamples      the test images it uses (the first N); 0: all
 */
public record TrainingSpec(int epochs, int keepCheckpoints, boolean testEachEpoch, int scheduleEpochs,
                           EarlyStoppingSpec earlyStopping, int iwEvery, int iwSamples, int iwExamples) {
}
