package org.vae4j.engine.optim;

import org.vae4j.api.spi.ConfigException;

/**
 * {@code "optimizer": {"type": "adam", "lr": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}}
 * (also the configuration of {@code adamax}, whose default learning rate is 0.002).
 */
public class AdamConfig {
    /** The learning rate. */
    public double lr = 0.001;
    /** Decay of the first moment, in [0, 1). */
    public double beta1 = 0.9;
    /** Decay of the second moment (adamax: of the infinity norm), in [0, 1). */
    public double beta2 = 0.999;
    /** Added to the denominator, {@code > 0}. */
    public double epsilon = 1e-8;

    /** @throws ConfigException naming the first field out of range */
    void validate() {
        Ranges.learningRate(lr);
        Ranges.decay("beta1", beta1);
        Ranges.decay("beta2", beta2);
        ConfigException.require(epsilon > 0 && epsilon <= 1, "epsilon", "must be a number > 0 and <= 1, got " + epsilon);
    }
}
