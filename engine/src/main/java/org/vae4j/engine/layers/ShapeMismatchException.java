package org.vae4j.engine.layers;

/**
 * A layer was given, or asked to produce, a shape it cannot work with. The message names the
 * layer by its position and description so a user can find it in the spec.
 */
public class ShapeMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what does not fit, naming the layer */
    public ShapeMismatchException(String message) {
        super(message);
    }
}
