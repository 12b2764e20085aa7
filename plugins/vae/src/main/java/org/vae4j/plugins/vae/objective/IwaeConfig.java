package org.vae4j.plugins.vae.objective;

import org.vae4j.api.spi.ConfigException;

/** {@code "objective": {"type": "iwae", "samples": 5}}: K, the importance samples per example. */
public final class IwaeConfig {
    /** K, posterior samples per example; 1 makes the IWAE bound the ELBO. */
    public int samples = 5;

    /** @throws ConfigException naming the field */
    void validate() {
        ConfigException.require(samples >= 1 && samples <= 10_000, "samples", "must be from 1 to 10000, got " + samples);
    }
}
