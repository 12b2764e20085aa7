package org.vae4j.datasets.archfixture;

import org.vae4j.api.Encoder;

/** Violates "datasets knows no model": a datasets class using the api. */
public final class DatasetsUsingApi {
    /** @return nothing; the dependency is the point */
    public Encoder encoder() {
        return null;
    }
}
