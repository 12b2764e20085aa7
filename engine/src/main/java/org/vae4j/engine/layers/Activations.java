package org.vae4j.engine.layers;

import java.util.List;
import org.vae4j.api.Layer;

/** Activation layers by the names specs use for them. */
public final class Activations {
    /** The names {@link #named} accepts. */
    public static final List<String> NAMES =
            List.of("relu", "leaky-relu", "elu", "gelu", "tanh", "sigmoid", "softplus");

    private Activations() {
    }

    /**
     * @param name  one of {@link #NAMES}
     * @param shape the per-example shape
     * @return a new activation layer
     * @throws IllegalArgumentException naming the known activations
     */
    public static Layer named(String name, long... shape) {
        return named(name, LeakyReLU.DEFAULT_SLOPE, shape);
    }

    /**
     * @param name          one of {@link #NAMES}
     * @param negativeSlope the slope of {@code leaky-relu} for negative inputs; ignored by the others
     * @param shape         the per-example shape
     * @return a new activation layer
     * @throws IllegalArgumentException naming the known activations
     */
    public static Layer named(String name, double negativeSlope, long... shape) {
        return switch (name) {
            case "relu" -> new ReLU(shape);
            case "leaky-relu" -> new LeakyReLU(negativeSlope, shape);
            case "elu" -> new ELU(1.0, shape);
            case "gelu" -> new GELU(shape);
            case "tanh" -> new Tanh(shape);
            case "sigmoid" -> new Sigmoid(shape);
            case "softplus" -> new Softplus(shape);
            default -> throw new IllegalArgumentException("unknown activation '" + name + "', known: "
                    + String.join(", ", NAMES));
        };
    }
}
