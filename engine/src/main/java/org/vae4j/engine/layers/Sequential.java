package org.vae4j.engine.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.Layer;

/**
 * Layers applied one after the other. Construction checks that each layer's input shape is the
 * previous layer's output shape and names the first pair that does not fit.
 */
public class Sequential implements Layer {
    private final List<Layer> layers;

    /**
     * @param layers the layers in order, at least one
     * @throws ShapeMismatchException if adjacent shapes differ
     */
    public Sequential(List<? extends Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a Sequential needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        for (int i = 1; i < this.layers.size(); i++) {
            long[] prev = this.layers.get(i - 1).outputShape();
            long[] next = this.layers.get(i).inputShape();
            if (!Arrays.equals(prev, next)) {
                throw new ShapeMismatchException("layer " + i + " (" + this.layers.get(i).describe()
                        + ") expects input " + Shapes.show(next) + " but layer " + (i - 1) + " ("
                        + this.layers.get(i - 1).describe() + ") outputs " + Shapes.show(prev));
            }
        }
    }

    @Override
    public long[] inputShape() {
        return layers.get(0).inputShape();
    }

    @Override
    public long[] outputShape() {
        return layers.get(layers.size() - 1).outputShape();
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        INDArray h = input;
        for (Layer l : layers) {
            h = l.forward(h, training);
        }
        return h;
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        INDArray g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, i > 0 || needInputGradient);
        }
        return g;
    }

    @Override
    public List<Layer> children() {
        return layers;
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Layer l : layers) {
            parts.add(l.describe());
        }
        return String.join(" -> ", parts);
    }
}
