package org.vae4j.plugins.deconvnet;

import java.util.List;
import java.util.Optional;
import org.vae4j.api.Layer;
import org.vae4j.engine.layers.Activation;
import org.vae4j.engine.layers.Dense;
import org.vae4j.engine.layers.ReLU;
import org.vae4j.engine.layers.conv.AvgPool2d;
import org.vae4j.engine.layers.conv.Conv2d;
import org.vae4j.engine.layers.conv.MaxPool2d;
import org.vae4j.engine.layers.conv.Reshape;

/**
 * Which engine layers can be undone, and how: seed 004's {@code UNDOABLE_MODULES} (Conv2d,
 * MaxPool2d, ReLU) plus average pooling, reshapes and flattens, dense layers and the other
 * activations, each with the rule its class documents.
 */
public final class Undoables {
    /** The layer classes {@link #wrap} accepts, for messages. */
    public static final List<String> SUPPORTED = List.of("Conv2d", "ReLU", "MaxPool2d", "AvgPool2d", "Flatten",
            "Reshape", "Dense", "ELU", "LeakyReLU", "GELU", "Tanh", "Sigmoid", "Softplus");

    private Undoables() {
    }

    /**
     * @param layer an engine layer
     * @return its undoable wrapper, or empty if there is no undo rule for its class
     */
    public static Optional<Undoable<?>> wrap(Layer layer) {
        if (layer instanceof Conv2d c) {
            return Optional.of(new UndoableConv2d(c));
        }
        if (layer instanceof ReLU r) {
            return Optional.of(new UndoableReLU(r));
        }
        if (layer instanceof MaxPool2d m) {
            return Optional.of(new UndoableMaxPool2d(m));
        }
        if (layer instanceof AvgPool2d a) {
            return Optional.of(new UndoableAvgPool2d(a));
        }
        if (layer instanceof Reshape r) {
            return Optional.of(new UndoableReshape(r));
        }
        if (layer instanceof Dense d) {
            return Optional.of(new UndoableDense(d));
        }
        if (layer instanceof Activation a) {
            return Optional.of(new UndoableActivation(a));
        }
        return Optional.empty();
    }
}
