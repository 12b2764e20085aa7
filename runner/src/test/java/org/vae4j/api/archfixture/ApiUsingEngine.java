package org.vae4j.api.archfixture;

import org.vae4j.engine.layers.Dense;

/** Violates "api depends on no other vae4j module": an api class using an engine layer. */
public final class ApiUsingEngine {
    /** @return nothing; the dependency is the point */
    public Dense layer() {
        return null;
    }
}
