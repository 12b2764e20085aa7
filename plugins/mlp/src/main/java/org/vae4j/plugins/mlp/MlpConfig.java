package org.vae4j.plugins.mlp;

import java.util.List;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Activations;

/**
 * The JSON configuration of an MLP encoder or decoder.
 *
 * <pre>{"type": "mlp", "hidden": [400], "activation": "relu", "init": "pytorch"}</pre>
 */
public final class MlpConfig {
    /** Sizes of the hidden layers, input side first; empty for a single linear map. */
    public List<Integer> hidden = List.of(400);
    /** The nonlinearity after each hidden layer: one of {@link Activations#NAMES}. */
    public String activation = "relu";
    /** How weights start: pytorch (default), xavier or he. */
    public String init = "pytorch";

    /**
     * @throws ConfigException naming the offending field
     */
    void validate() {
        ConfigException.require(hidden != null, "hidden", "must be a list of layer sizes, got null");
        for (int i = 0; i < hidden.size(); i++) {
            Integer h = hidden.get(i);
            ConfigException.require(h != null && h >= 1, "hidden[" + i + "]", "must be >= 1, got " + h);
        }
        ConfigException.require(activation != null && Activations.NAMES.contains(activation), "activation",
                "unknown activation '" + activation + "', known: " + String.join(", ", Activations.NAMES));
        try {
            Initializer.named(String.valueOf(init));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("init", e.getMessage());
        }
    }
}
