package org.vae4j.plugins.vae.posterior;

import java.util.List;
import org.vae4j.api.spi.ConfigException;

/** {@code "posterior": {"type": "iaf", "steps": 2, "hidden": [320]}}. */
public final class IafConfig {
    /** K, the number of IAF steps. */
    public int steps = 2;
    /** The MADE network's hidden widths. */
    public List<Integer> hidden = List.of(320);

    /** @throws ConfigException naming the field */
    void validate() {
        ConfigException.require(steps >= 1 && steps <= 100, "steps", "must be from 1 to 100, got " + steps);
        ConfigException.require(hidden != null && !hidden.isEmpty(), "hidden", "needs at least one hidden layer width");
        for (int i = 0; i < hidden.size(); i++) {
            Integer h = hidden.get(i);
            ConfigException.require(h != null && h >= 1 && h <= 100_000, "hidden[" + i + "]",
                    "must be from 1 to 100000, got " + h);
        }
    }
}
