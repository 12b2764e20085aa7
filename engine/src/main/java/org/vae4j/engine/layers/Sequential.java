package org.vae4j.engine.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.Layer;
import org.vae4j.api.Pass;

/**
 * Layers applied one after the other. Construction checks that each layer's input shape is the
 * previous layer's output shape and names the first pair that does not fit.
 *
 * <p>The backward pass asks a layer for its input gradient only when someone needs it: a layer
 * with parameters before it, or the caller. So a parameter-free first layer (a {@code Reshape} in
 * front of a convolution) does not make the first convolution compute an input gradient nobody
 * reads, and layers before the first one with parameters are not visited at all.
 */
public class Sequential implements Layer {
    private final List<Layer> layers;
    /** The index of the first layer with parameters; the layer count if none has any. */
    private final int firstTrainable;

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
        int first = this.layers.size();
        for (int i = 0; i < this.layers.size(); i++) {
            if (hasParameters(this.layers.get(i))) {
                first = i;
                break;
            }
        }
        this.firstTrainable = first;
    }

    private static boolean hasParameters(Layer layer) {
        if (!layer.parameters().isEmpty()) {
            return true;
        }
        for (Layer child : layer.children()) {
            if (hasParameters(child)) {
                return true;
            }
        }
        return false;
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
    public INDArray forward(INDArray input, Pass pass) {
        INDArray h = input;
        for (Layer l : layers) {
            h = l.forward(h, pass);
        }
        return h;
    }

    @Override
    public INDArray backward(INDArray gradOutput, Pass pass, boolean needInputGradient) {
        INDArray g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (!needInputGradient && i < firstTrainable) {
                return null;
            }
            g = layers.get(i).backward(g, pass, i > firstTrainable || needInputGradient);
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
