package org.vae4j.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What became of a trial.
 *
 * @param trial   the trial
 * @param status  {@code finished}, {@code skipped} (finished by an earlier run of the sweep) or
 *                {@code failed}
 * @param seconds its training time, summed over all sessions (from its metrics.csv)
 * @param error   the last line the failed trial printed; empty otherwise
 * @param figures the numbers of its summary.json (test figures, epochs, samples/s), by name
 */
public record TrialResult(Trial trial, String status, double seconds, String error, Map<String, Double> figures)
        implements Serializable {
    /** Copies the figures in order. */
    public TrialResult {
        figures = new LinkedHashMap<>(figures);
    }

    /** @return whether the trial has its results (now or from before) */
    public boolean done() {
        return !"failed".equals(status);
    }
}
