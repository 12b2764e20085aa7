package org.vae4j.plugins.mlp;

import java.util.List;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Activations;
import org.vae4j.engine.layers.LeakyReLU;

/**
 * The JSON configuration of an MLP encoder or decoder: dense layers of the {@code hidden} sizes,
 * each followed by batch normalization (when {@code batchNorm}) and the activation, then a dense
 * layer to the output.
 *
 * <pre>{"type": "mlp", "hidden": [400], "activation": "relu", "init": "pytorch"}</pre>
 */
public class MlpConfig {
    /** Sizes of the hidden layers, input side first; empty for a single linear map. */
    public List<Integer> hidden = List.of(400);
    /** The nonlinearity after each hidden layer: one of {@link Activations#NAMES}. */
    public String activation = "relu";
    /** The slope of {@code leaky-relu} for negative inputs (PyTorch's default 0.01; DCGAN uses 0.2). */
    public double negativeSlope = LeakyReLU.DEFAULT_SLOPE;
    /** Whether each hidden dense layer is followed by batch normalization, before the activation. */
    public boolean batchNorm;
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
        ConfigException.require(negativeSlope >= 0 && negativeSlope < 1, "negativeSlope",
                "must be in [0, 1), got " + negativeSlope);
        try {
            Initializer.named(String.valueOf(init));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("init", e.getMessage());
        }
    }
}
