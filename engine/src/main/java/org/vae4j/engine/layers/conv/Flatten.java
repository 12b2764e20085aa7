package org.vae4j.engine.layers.conv;

import org.vae4j.engine.layers.Shapes;

/**
 * Flattens each example to a vector in row-major order, as PyTorch's {@code nn.Flatten()}:
 * {@code [C, H, W] -> [C*H*W]}, so the channel varies slowest, exactly as PyTorch orders the
 * inputs of the {@code nn.Linear} that follows.
 */
public final class Flatten extends Reshape {

    /** @param inputShape the per-example input shape, such as {@code [64, 4, 4]} */
    public Flatten(long... inputShape) {
        super(inputShape, Shapes.size(inputShape));
    }
}
