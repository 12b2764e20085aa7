package org.vae4j.plugins.vae.likelihood;

import org.vae4j.api.spi.ConfigException;

/** Configuration of the {@code truncated} likelihood, e.g. {@code {"type": "truncated", "sigma": 1.0}}. */
public final class TruncatedConfig {
    /** The standard deviation of every pixel's Gaussian before truncation to [0, 1], > 0. */
    public double sigma = 1.0;

    /** @throws ConfigException naming the first field out of range */
    void validate() {
        ConfigException.require(sigma > 0 && Double.isFinite(sigma), "sigma",
                "must be a finite number > 0, got " + sigma);
    }
}
