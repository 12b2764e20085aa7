package org.vae4j.api.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vae4j.api.Layer;
import org.vae4j.api.Parameter;

/**
 * Parameters trained together by one optimizer: the networks of the group, named (their parameters
 * are named by path: {@code encoder.0.weight}), and loose parameters of other components
 * ({@code likelihood.logSigma}). Paths are unique across all groups of a model, since checkpoints
 * store parameters by path.
 *
 * @param name       the group's name, e.g. {@code model}, {@code generator}, {@code discriminator};
 *                   a spec's {@code "optimizers"} section sets an optimizer per name
 * @param networks   named layer trees, in order
 * @param parameters named lists of loose parameters, in order
 */
public record ParameterGroup(String name, Map<String, ? extends org.vae4j.api.Layer> networks,
                             Map<String, List<Parameter>> parameters) {
    /**
     * @param name       the group's name
     * @param networks   named layer trees
     * @param parameters named loose parameters
     */
    public ParameterGroup {
        networks = java.util.Collections.unmodifiableMap(new LinkedHashMap<String, Layer>(networks));
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * @param name     the group's name
     * @param networks named layer trees
     * @return a group without loose parameters
     */
    public static ParameterGroup of(String name, Map<String, ? extends Layer> networks) {
        return new ParameterGroup(name, networks, Map.of());
    }
}
