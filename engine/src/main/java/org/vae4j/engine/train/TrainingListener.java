package org.vae4j.engine.train;

import org.vae4j.api.model.Metrics;

/** Hears about training as it happens: progress output, metrics files, checkpoints. */
public interface TrainingListener {

    /**
     * After each training iteration; keep it cheap.
     *
     * @param epoch         the epoch, counted from 0
     * @param stepInEpoch   iterations done in this epoch, counted from 1
     * @param stepsPerEpoch iterations in the whole epoch
     * @param epochSoFar    the sums of the epoch so far (read, do not keep: the trainer adds to it)
     */
    default void onStep(int epoch, long stepInEpoch, long stepsPerEpoch, Metrics epochSoFar) {
    }

    /**
     * After each epoch, its validation included.
     *
     * @param result what the epoch produced
     */
    default void onEpoch(EpochResult result) {
    }
}
