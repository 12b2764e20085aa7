package org.vae4j.runner.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.vae4j.api.spi.Provider;

/**
 * A component of the spec resolved to its provider: {@code {"type": "mlp", "hidden": [400]}},
 * with the components of its slots.
 *
 * @param path     the JSON path of the component, e.g. {@code $.model.encoder}
 * @param type     the provider's name
 * @param provider the registered provider
 * @param config   the configuration bound to the provider's config class, defaults filled
 * @param resolved the configuration as JSON, {@code type} first, defaults and slots filled
 * @param slots    the components of the provider's slots, by field (a family's root slots too)
 */
public record ComponentSpec(String path, String type, Provider<?, Object> provider, Object config, ObjectNode resolved,
                            Map<String, ComponentSpec> slots) {
}
