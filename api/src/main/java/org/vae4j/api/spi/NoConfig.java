package org.vae4j.api.spi;

/** The configuration of a provider that takes none: a JSON object with only its {@code "type"}. */
public final class NoConfig {
}
