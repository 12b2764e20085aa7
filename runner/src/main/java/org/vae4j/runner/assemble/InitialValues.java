package org.vae4j.runner.assemble;

import org.nd4j.linalg.api.rng.Random;
import org.vae4j.api.random.Seeds;
import org.vae4j.api.random.Streams;
import org.vae4j.engine.random.SeededRandom;

/**
 * The random streams components draw their initial parameter values from, all derived from the
 * run seed. Components draw in the order the model family builds them, from one stream.
 */
final class InitialValues implements AutoCloseable {
    private final SeededRandom shared;

    InitialValues(long seed) {
        this.shared = new SeededRandom(Seeds.derive(seed, Streams.INITIAL_VALUES, 0));
    }

    /**
     * @param path the component's JSON path
     * @return the stream the component draws its initial values from
     */
    Random streamFor(String path) {
        return shared.get();
    }

    @Override
    public void close() {
        shared.close();
    }
}
