package org.vae4j.plugins.vae.likelihood;

import org.vae4j.api.spi.ConfigException;

/**
 * Configuration of the {@code gauss} likelihood, e.g. {@code {"type": "gauss", "mean": 0.1307, "std": 0.3081}}
 * for MNIST. The defaults are Fashion-MNIST's training-set mean and standard deviation.
 */
public final class GaussConfig {
    /** The data set's mean intensity in [0, 1] (Fashion-MNIST 0.2860, MNIST 0.1307). */
    public double mean = 0.2860;
    /** The data set's standard deviation (Fashion-MNIST 0.3530, MNIST 0.3081), > 0. */
    public double std = 0.3530;

    /** @throws ConfigException naming the first field out of range */
    void validate() {
        ConfigException.require(Double.isFinite(mean), "mean", "must be a finite number, got " + mean);
        ConfigException.require(std > 0 && Double.isFinite(std), "std", "must be a finite number > 0, got " + std);
    }
}
