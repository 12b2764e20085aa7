package org.vae4j.engine.train;

import org.vae4j.api.model.Metrics;

/**
 * What one epoch of training produced.
 *
 * @param epoch            the epoch, counted from 0
 * @param train            the sums the training steps reported, taken during the epoch (so the
 *                         model changed while they were summed), with the settings of its last step
 * @param validation       the evaluation of the validation split after the epoch; null without one
 * @param trainSeconds     wall time of the training steps only
 * @param samplesPerSecond training examples per second of {@code trainSeconds}
 * @param steps            training iterations in this epoch
 * @param examples         training examples taken in this epoch
 */
public record EpochResult(int epoch, Metrics train, Metrics validation, double trainSeconds, double samplesPerSecond,
                          long steps, long examples) {
}
