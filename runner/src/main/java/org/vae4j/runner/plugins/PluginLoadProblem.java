package org.vae4j.runner.plugins;

/**
 * A plugin jar, or one provider in it, that could not be loaded. It is reported and skipped; the
 * other plugins still load.
 *
 * @param source the jar
 * @param cause  what went wrong
 */
public record PluginLoadProblem(String source, String cause) {
    @Override
    public String toString() {
        return source + ": " + cause;
    }
}
