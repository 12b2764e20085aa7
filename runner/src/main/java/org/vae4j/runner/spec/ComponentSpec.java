package org.vae4j.runner.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vae4j.api.spi.Provider;

/**
 * A component of the spec resolved to its provider: {@code {"type": "mlp", "hidden": [400]}}.
 *
 * @param path     the JSON path of the component, e.g. {@code $.model.encoder}
 * @param type     the provider's name
 * @param provider the registered provider
 * @param config   the configuration bound to the provider's config class, defaults filled
 * @param resolved the configuration as JSON, {@code type} first, defaults filled
 */
public record ComponentSpec(String path, String type, Provider<?, Object> provider, Object config, ObjectNode resolved) {
}
