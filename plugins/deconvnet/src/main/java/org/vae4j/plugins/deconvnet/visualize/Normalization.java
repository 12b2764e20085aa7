package org.vae4j.plugins.deconvnet.visualize;

import java.util.Arrays;

/**
 * A per-channel affine map between intensities in [0, 1] and what a network sees,
 * {@code (x - mean) / std}, as torchvision's {@code Normalize}; {@link #toIntensity} inverts it
 * and clamps to [0, 1], as seed 004's {@code data_to_image} does.
 *
 * @param mean per channel, or one value for all
 * @param std  per channel, or one value for all; positive
 */
public record Normalization(double[] mean, double[] std) {
    /** No change: the network sees intensities in [0, 1]. */
    public static final Normalization IDENTITY = new Normalization(new double[] {0}, new double[] {1});
    /** [0, 1] to [-1, 1]. */
    public static final Normalization SYMMETRIC = new Normalization(new double[] {0.5}, new double[] {0.5});

    public Normalization {
        mean = mean.clone();
        std = std.clone();
        for (double s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("standard deviations must be > 0, got " + Arrays.toString(std));
            }
        }
    }

    private double m(int channel) {
        return mean[mean.length == 1 ? 0 : channel];
    }

    private double s(int channel) {
        return std[std.length == 1 ? 0 : channel];
    }

    /**
     * @param intensity a value in [0, 1]
     * @param channel   its channel
     * @return what the network sees
     */
    public double toNetwork(double intensity, int channel) {
        return (intensity - m(channel)) / s(channel);
    }

    /**
     * @param value   a value in the network's units
     * @param channel its channel
     * @return {@code value * std + mean}, clamped to [0, 1]
     */
    public double toIntensity(double value, int channel) {
        double v = value * s(channel) + m(channel);
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
