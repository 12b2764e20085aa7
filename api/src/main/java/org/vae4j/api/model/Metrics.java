package org.vae4j.api.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Named figures of a step, an evaluation or a whole epoch: sums over examples, so that the figures
 * of batches of different sizes add up exactly ({@link #add}) and an epoch's mean is a sum over
 * its examples divided by their count; and settings such as beta or the learning rate, of which the
 * last value counts. Names are lower case with underscores ({@code neg_elbo}, {@code loss_d}); they
 * become the columns of {@code metrics.csv}, prefixed by the split.
 */
public final class Metrics {
    /** The name of the loss a training phase minimizes, shown while training. */
    public static final String LOSS = "loss";
    private final Map<String, double[]> sums = new LinkedHashMap<>();
    private final Map<String, Double> settings = new LinkedHashMap<>();

    /**
     * Adds to a sum.
     *
     * @param name  the metric
     * @param sum   its sum over {@code count} examples
     * @param count the examples
     * @return this
     */
    public Metrics sum(String name, double sum, long count) {
        double[] s = sums.computeIfAbsent(name, k -> new double[2]);
        s[0] += sum;
        s[1] += count;
        return this;
    }

    /**
     * Records a setting; a later value replaces it.
     *
     * @param name  e.g. {@code beta}
     * @param value its value
     * @return this
     */
    public Metrics set(String name, double value) {
        settings.put(name, value);
        return this;
    }

    /**
     * Adds another's sums to these and takes its settings.
     *
     * @param other figures of more examples
     * @return this
     */
    public Metrics add(Metrics other) {
        other.sums.forEach((k, v) -> sum(k, v[0], (long) v[1]));
        settings.putAll(other.settings);
        return this;
    }

    /** @return whether a sum of this name was recorded */
    public boolean has(String name) {
        return sums.containsKey(name);
    }

    /**
     * @param name a metric
     * @return its sum, NaN if absent
     */
    public double sum(String name) {
        double[] s = sums.get(name);
        return s == null ? Double.NaN : s[0];
    }

    /**
     * @param name a metric
     * @return the examples its sum is over, 0 if absent
     */
    public long count(String name) {
        double[] s = sums.get(name);
        return s == null ? 0 : (long) s[1];
    }

    /**
     * @param name a metric
     * @return its mean over examples, NaN if absent
     */
    public double mean(String name) {
        double[] s = sums.get(name);
        return s == null || s[1] == 0 ? Double.NaN : s[0] / s[1];
    }

    /**
     * @param name a setting
     * @return its last value, NaN if never set
     */
    public double setting(String name) {
        Double v = settings.get(name);
        return v == null ? Double.NaN : v;
    }

    /** @return the names of the sums, in the order first recorded */
    public Set<String> names() {
        return Collections.unmodifiableSet(sums.keySet());
    }

    /** @return the names of the settings, in the order first recorded */
    public Set<String> settingNames() {
        return Collections.unmodifiableSet(settings.keySet());
    }

    /** @return the name of the first sum or setting that is NaN or infinite, or null if all are finite */
    public String firstNonFinite() {
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            if (!Double.isFinite(e.getValue()[0])) {
                return e.getKey();
            }
        }
        for (Map.Entry<String, Double> e : settings.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                return e.getKey();
            }
        }
        return null;
    }

    /** @return the largest example count over the sums (the examples these figures are about) */
    public long examples() {
        long n = 0;
        for (double[] s : sums.values()) {
            n = Math.max(n, (long) s[1]);
        }
        return n;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sums.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v[1] == 0 ? "NaN"
                : String.format(java.util.Locale.ROOT, "%.6g", v[0] / v[1])));
        settings.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }
}
