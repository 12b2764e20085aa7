package org.vae4j.plugins.vae.likelihood;

import org.vae4j.api.spi.ConfigException;

/**
 * Configuration of the {@code gaussian} likelihood, e.g.
 * {@code {"type": "gaussian", "sigma": 0.1}} or {@code {"type": "gaussian", "learnSigma": true}}.
 */
public final class GaussianConfig {
    /** The fixed standard deviation of every dimension, {@code > 0}; unused when sigma is learned. */
    public double sigma = 1.0;
    /** Whether to learn one log-sigma per data dimension instead of using {@link #sigma}. */
    public boolean learnSigma = false;
    /** The starting value of every learned log-sigma; unused when sigma is fixed. */
    public double initialLogSigma = 0.0;

    /** @throws ConfigException naming the first field out of range */
    public void validate() {
        ConfigException.require(sigma > 0 && !Double.isInfinite(sigma), "sigma",
                "must be a finite number > 0, got " + sigma);
        ConfigException.require(Double.isFinite(initialLogSigma), "initialLogSigma",
                "must be a finite number, got " + initialLogSigma);
    }
}
