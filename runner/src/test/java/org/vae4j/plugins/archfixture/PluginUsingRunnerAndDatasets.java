package org.vae4j.plugins.archfixture;

import org.vae4j.datasets.ImageSet;
import org.vae4j.runner.spec.SpecParser;

/** Violates "plugins use the SDK only": a plugin reaching into the runner, the data sets and the engine's IO. */
public final class PluginUsingRunnerAndDatasets {
    /** @return the runner's mapper, which a plugin must not use */
    public Object mapper() {
        return SpecParser.MAPPER;
    }

    /** @return nothing; the dependency is the point */
    public ImageSet images() {
        return null;
    }

    /** @return nothing: reading files is the engine's internal IO, not the plugin SDK */
    public org.vae4j.engine.io.Npz arrays() {
        return null;
    }
}
