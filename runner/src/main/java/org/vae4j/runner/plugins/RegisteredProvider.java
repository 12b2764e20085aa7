package org.vae4j.runner.plugins;

import org.vae4j.api.spi.Provider;

/**
 * A provider and where it came from.
 *
 * @param provider the provider
 * @param source   the jar or class directory it was loaded from, for messages
 */
public record RegisteredProvider(Provider<?, ?> provider, String source) {
    /** @return e.g. {@code encoder} for an Encoder provider */
    public String kindName() {
        return Kinds.name(provider.kind());
    }
}
