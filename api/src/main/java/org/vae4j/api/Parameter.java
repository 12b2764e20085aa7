package org.vae4j.api;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A named, trainable array and the gradient of the loss with respect to it.
 *
 * <p>Layers read {@link #value()} and write {@link #gradient()} on every pass instead of keeping
 * references to the arrays, because the engine may {@linkplain #bind rebind} both to views of one
 * flat buffer: that lets an optimizer update every parameter of a model in one native call.
 */
public final class Parameter {
    private final String name;
    private INDArray value;
    private INDArray gradient;

    /**
     * @param name  a name unique within its layer, such as {@code "weight"} or {@code "bias"}
     * @param value the initial value; a gradient array of the same shape and type is allocated
     */
    public Parameter(String name, INDArray value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
        this.gradient = value.ulike();
        this.gradient.assign(0);
    }

    /** @return the name of this parameter within its layer */
    public String name() {
        return name;
    }

    /** @return the current value */
    public INDArray value() {
        return value;
    }

    /** @return the gradient written by the last backward pass */
    public INDArray gradient() {
        return gradient;
    }

    /** @return the number of scalar values in this parameter */
    public long length() {
        return value.length();
    }

    /**
     * Moves this parameter into new storage, copying the current value into it.
     *
     * @param newValue    an array of the same shape that will hold the value from now on
     * @param newGradient an array of the same shape that will hold the gradient from now on
     */
    public void bind(INDArray newValue, INDArray newGradient) {
        if (!java.util.Arrays.equals(newValue.shape(), value.shape())
                || !java.util.Arrays.equals(newGradient.shape(), value.shape())) {
            throw new IllegalArgumentException("parameter '" + name + "' has shape "
                    + java.util.Arrays.toString(value.shape()) + ", cannot bind to "
                    + java.util.Arrays.toString(newValue.shape()));
        }
        newValue.assign(value);
        newGradient.assign(gradient);
        this.value = newValue;
        this.gradient = newGradient;
    }

    @Override
    public String toString() {
        return name + java.util.Arrays.toString(value.shape());
    }
}
