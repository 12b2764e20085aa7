package org.vae4j.engine.archfixture;

import org.vae4j.onednn.archfixture.StandInKernels;

/** Violates "no code knows the backend's kernels": the engine naming a class of the oneDNN module. */
public final class EngineNamingTheKernels {
    /** @return nothing; the dependency is the point */
    public StandInKernels kernels() {
        return null;
    }
}
