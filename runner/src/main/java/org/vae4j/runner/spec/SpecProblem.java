package org.vae4j.runner.spec;

/**
 * One thing wrong with a spec.
 *
 * @param path    where, as a JSON path such as {@code $.model.encoder.hidden[0]}
 * @param message what is wrong and what was expected
 */
public record SpecProblem(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
