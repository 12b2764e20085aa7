package org.vae4j.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trial of a sweep: its name (its run folder's), the values it tries by JSON path, and its
 * whole spec. Serializable, since Spark ships trials to its executors.
 *
 * @param index  0, 1, ... in the sweep's order
 * @param name   {@code trial-001}, ...
 * @param values the JSON text of each swept value, by JSON path, in the sweep file's order
 * @param spec   the trial's spec as JSON text
 */
public record Trial(int index, String name, Map<String, String> values, String spec) implements Serializable {
    /** Copies the values in order. */
    public Trial {
        values = new LinkedHashMap<>(values);
    }
}
