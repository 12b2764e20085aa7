package org.vae4j.engine.archfixture;

import org.vae4j.runner.archfixture.RunnerUsingEngine;

/** Violates "engine does not depend on the runner", and closes a cycle engine -> runner -> engine. */
public final class EngineUsingRunner {
    /** @return the runner class that uses this one */
    public RunnerUsingEngine back() {
        return new RunnerUsingEngine();
    }
}
