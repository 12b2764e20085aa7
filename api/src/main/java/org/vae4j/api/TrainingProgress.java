package org.vae4j.api;

/**
 * Where training is, for schedules.
 *
 * @param epoch          the current epoch, counted from 0
 * @param epochs         the number of epochs schedules are laid over: the run's, or those it was first
 *                       planned with when {@code --resume --epochs} extended it
 * @param step           the optimizer step within the run, counted from 0
 * @param stepsPerEpoch  optimizer steps per epoch
 */
public record TrainingProgress(int epoch, int epochs, long step, long stepsPerEpoch) {
    public TrainingProgress {
        if (epoch < 0 || epochs < 1 || step < 0 || stepsPerEpoch < 1) {
            throw new IllegalArgumentException("invalid progress: " + epoch + "/" + epochs
                    + ", step " + step + "/" + stepsPerEpoch);
        }
    }
}
