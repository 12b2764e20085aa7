package org.vae4j.engine.train;

/** Hears about training as it happens: progress output, metrics files, checkpoints. */
public interface TrainingListener {

    /**
     * After each optimizer step; keep it cheap.
     *
     * @param epoch         the epoch, counted from 0
     * @param stepInEpoch   steps done in this epoch, counted from 1
     * @param stepsPerEpoch steps in the whole epoch
     * @param meanLoss      running mean of the trained objective over the epoch so far
     */
    default void onStep(int epoch, long stepInEpoch, long stepsPerEpoch, double meanLoss) {
    }

    /**
     * After each epoch, its validation included.
     *
     * @param result what the epoch produced
     */
    default void onEpoch(EpochResult result) {
    }
}
