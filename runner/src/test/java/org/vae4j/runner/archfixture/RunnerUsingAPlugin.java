package org.vae4j.runner.archfixture;

import org.vae4j.api.Encoder;
import org.vae4j.plugins.archfixture.PluginUsingRunnerAndDatasets;

/** Violates "the runner knows no plugin" and "the core knows no model": a plugin class and a VAE contract in the runner. */
public final class RunnerUsingAPlugin {
    /** @return nothing; the dependency is the point */
    public PluginUsingRunnerAndDatasets plugin() {
        return null;
    }

    /** @return nothing; the dependency is the point */
    public Encoder encoder() {
        return null;
    }
}
