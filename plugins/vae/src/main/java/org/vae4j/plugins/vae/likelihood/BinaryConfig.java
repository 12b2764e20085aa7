package org.vae4j.plugins.vae.likelihood;

import org.vae4j.api.spi.ConfigException;

/** Configuration of the {@code binary} likelihood, e.g. {@code {"type": "binary", "threshold": 0.5}}. */
public final class BinaryConfig {
    /** Intensities above it are the target 1, the others 0. */
    public double threshold = 0.5;

    /** @throws ConfigException naming the first field out of range */
    void validate() {
        ConfigException.require(threshold >= 0 && threshold < 1, "threshold",
                "must be in [0, 1), got " + threshold);
    }
}
