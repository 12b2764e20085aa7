package org.vae4j.runner.assemble;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.rng.Random;
import org.vae4j.api.random.Seeds;
import org.vae4j.api.random.Streams;
import org.vae4j.engine.random.SeededRandom;

/**
 * The random streams components draw their initial parameter values from: one per component,
 * derived from the run seed and the component's JSON path. Adding, removing or rebuilding one
 * component (a new prior, a wider decoder) leaves the initial values of every other as they were.
 */
final class InitialValues implements AutoCloseable {
    private final long seed;
    private final Map<String, SeededRandom> streams = new LinkedHashMap<>();

    InitialValues(long seed) {
        this.seed = seed;
    }

    /**
     * @param path the component's JSON path
     * @return the stream the component draws its initial values from, the same for every call
     */
    Random streamFor(String path) {
        return streams.computeIfAbsent(path,
                p -> new SeededRandom(Seeds.derive(seed, Streams.INITIAL_VALUES, Seeds.hash(p)))).get();
    }

    @Override
    public void close() {
        streams.values().forEach(SeededRandom::close);
    }
}
