package org.vae4j.plugins.vae.objective;

/** The configuration of the built-in objectives: nothing besides their {@code beta} slot. */
public final class ObjectiveConfig {
}
