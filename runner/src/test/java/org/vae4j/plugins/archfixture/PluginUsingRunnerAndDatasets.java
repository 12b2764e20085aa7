package org.vae4j.plugins.archfixture;

import org.vae4j.datasets.ImageSet;
import org.vae4j.runner.spec.SpecParser;

/** Violates "plugins depend on api and engine only": a plugin reaching into the runner and datasets. */
public final class PluginUsingRunnerAndDatasets {
    /** @return the runner's mapper, which a plugin must not use */
    public Object mapper() {
        return SpecParser.MAPPER;
    }

    /** @return nothing; the dependency is the point */
    public ImageSet images() {
        return null;
    }
}
