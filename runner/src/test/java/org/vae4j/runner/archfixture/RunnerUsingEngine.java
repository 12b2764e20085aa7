package org.vae4j.runner.archfixture;

import org.vae4j.engine.archfixture.EngineUsingRunner;

/** The runner half of the engine -> runner -> engine cycle. */
public final class RunnerUsingEngine {
    /** @return the engine class that uses this one */
    public EngineUsingRunner forth() {
        return null;
    }
}
