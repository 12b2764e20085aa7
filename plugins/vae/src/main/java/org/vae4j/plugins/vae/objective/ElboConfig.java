package org.vae4j.plugins.vae.objective;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.vae4j.api.spi.ConfigException;

/** {@code "objective": {"type": "elbo", "samples": 1}}: posterior samples per example, besides the beta slot. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class ElboConfig {
    /** K, posterior samples per example whose ELBOs are averaged; 1 (the default) is the classic VAE. */
    public int samples = 1;

    /** @throws ConfigException naming the field */
    void validate() {
        ConfigException.require(samples >= 1 && samples <= 10_000, "samples", "must be from 1 to 10000, got " + samples);
    }
}
