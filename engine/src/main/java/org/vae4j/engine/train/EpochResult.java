package org.vae4j.engine.train;

import org.vae4j.engine.model.BatchLoss;

/**
 * What one epoch of training produced.
 *
 * @param epoch             the epoch, counted from 0
 * @param beta              the KL weight used (its value at the epoch's last step)
 * @param train             sums of the training batches at beta = 1, one z sample each, taken
 *                          during the epoch (so the model changed while they were summed)
 * @param validation        sums over the validation split after the epoch; null without one
 * @param trainSeconds      wall time of the training steps only
 * @param samplesPerSecond  training examples per second of {@code trainSeconds}
 * @param steps             optimizer steps in this epoch
 */
public record EpochResult(int epoch, double beta, BatchLoss train, BatchLoss validation,
                          double trainSeconds, double samplesPerSecond, long steps) {
}
