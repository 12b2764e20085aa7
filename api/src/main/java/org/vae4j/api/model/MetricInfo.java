package org.vae4j.api.model;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * What one reported figure is and how it comes from a {@link Metrics}: the mean of a sum, a value
 * derived from several sums (a negative ELBO from its reconstruction and KL sums, bits per
 * dimension from it), or a setting. Reports show a model's figures in the order of its list.
 *
 * @param name   the column name without split, e.g. {@code neg_elbo}
 * @param label  words for charts and tables, e.g. {@code negative ELBO}
 * @param unit   e.g. {@code nats}, {@code bits/dim}; empty for none
 * @param kind   how the value is read
 * @param chart  the learning-curve chart it is drawn on (figures of one chart share a scale);
 *               empty for none
 * @param value  the value from the figures of a split; NaN when they lack what it needs
 * @param trainingOnly whether only training steps report it (the loss with its beta), not
 *               evaluations
 */
public record MetricInfo(String name, String label, String unit, Kind kind, String chart,
                         ToDoubleFunction<Metrics> value, boolean trainingOnly) {
    /** How a figure is read from {@link Metrics}. */
    public enum Kind {
        /** The mean of the sum of the same name. */
        MEAN,
        /** Computed from sums. */
        DERIVED,
        /** A setting, reported once per epoch without split (e.g. beta). */
        SETTING
    }

    /** @throws NullPointerException for a missing field */
    public MetricInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(value, "value");
    }

    /**
     * @param name  the sum's name
     * @param label words for people
     * @param unit  the unit
     * @param chart the chart, or empty
     * @return the mean of a sum
     */
    public static MetricInfo mean(String name, String label, String unit, String chart) {
        return new MetricInfo(name, label, unit, Kind.MEAN, chart, m -> m.mean(name), false);
    }

    /**
     * @param name  the figure's name
     * @param label words for people
     * @param unit  the unit
     * @param chart the chart, or empty
     * @param value how it follows from the sums
     * @return a derived figure
     */
    public static MetricInfo derived(String name, String label, String unit, String chart,
                                     ToDoubleFunction<Metrics> value) {
        return new MetricInfo(name, label, unit, Kind.DERIVED, chart, value, false);
    }

    /**
     * @param name  the setting's name
     * @param label words for people
     * @return a setting, read as its last value
     */
    public static MetricInfo setting(String name, String label) {
        return new MetricInfo(name, label, "", Kind.SETTING, "", m -> m.setting(name), true);
    }

    /** @return this figure, reported by training steps only */
    public MetricInfo ofTrainingOnly() {
        return new MetricInfo(name, label, unit, kind, chart, value, true);
    }

    /**
     * @param figures the figures of a split
     * @return this figure's value in them, NaN if they do not have it
     */
    public double of(Metrics figures) {
        return value.applyAsDouble(figures);
    }
}
