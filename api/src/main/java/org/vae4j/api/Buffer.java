package org.vae4j.api;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A named array a layer keeps and updates itself, which is not trained by gradients but belongs to
 * the model's state, such as batch normalization's running mean and variance (PyTorch calls them
 * buffers). Checkpoints save and restore buffers with the parameters.
 */
public final class Buffer {
    private final String name;
    private final INDArray value;

    /**
     * @param name  a name unique within its layer, such as {@code "runningMean"}
     * @param value the array, updated in place by its layer
     */
    public Buffer(String name, INDArray value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** @return the name within its layer */
    public String name() {
        return name;
    }

    /** @return the array, which its layer updates in place */
    public INDArray value() {
        return value;
    }

    @Override
    public String toString() {
        return name + java.util.Arrays.toString(value.shape());
    }
}
