package org.vae4j.plugins.deconvnet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.Layer;
import org.vae4j.engine.layers.Sequential;

/**
 * A sequence of layers with undo, and Zeiler and Fergus's activation visualization (seed 004's
 * {@code UndoableSequential}).
 *
 * <p>Layers are counted from 1, as seed 004's {@code visualise_activations} counts the modules of
 * the {@code nn.Sequential} it wraps: every module is one layer, so in AlexNet's {@code features}
 * layer 1 is the first convolution (before its ReLU), layer 3 the first max-pooling and layer 4
 * the second convolution. Nested {@link Sequential}s (an encoder is one) are flattened into their
 * layers. A layer without an undo rule ({@link Undoables#SUPPORTED} lists those with one) is
 * accepted, and only a visualization that has to pass back through it fails, naming it.
 */
public final class UndoableSequential {
    private final List<Layer> layers;
    private final List<Undoable<?>> wrapped;

    /**
     * The result of running the first layers forward.
     *
     * @param output   the output of the last layer run
     * @param contexts every layer's context, in order
     */
    public record Trace(INDArray output, List<Object> contexts) {
        /** @return how many layers ran */
        public int depth() {
            return contexts.size();
        }
    }

    /** @param layers the layers in order; nested {@link Sequential}s are flattened */
    public UndoableSequential(List<? extends Layer> layers) {
        List<Layer> flat = new ArrayList<>();
        for (Layer l : layers) {
            flatten(l, flat);
        }
        this.layers = Collections.unmodifiableList(flat);
        List<Undoable<?>> w = new ArrayList<>();
        for (Layer l : flat) {
            w.add(Undoables.wrap(l).orElse(null));
        }
        this.wrapped = Collections.unmodifiableList(w);
    }

    /**
     * @param root a layer, typically a {@link Sequential} such as an encoder
     * @return its layers, flattened, with undo
     */
    public static UndoableSequential of(Layer root) {
        return new UndoableSequential(List.of(root));
    }

    private static void flatten(Layer l, List<Layer> into) {
        if (l instanceof Sequential) {
            for (Layer child : l.children()) {
                flatten(child, into);
            }
        } else {
            into.add(l);
        }
    }

    /** @return the number of layers */
    public int size() {
        return layers.size();
    }

    /** @return the layers, flattened, in order (layer {@code i} is element {@code i - 1}) */
    public List<Layer> layers() {
        return layers;
    }

    /**
     * @param layer a layer number, from 1
     * @return its undoable wrapper, or empty if it has no undo rule
     */
    public Optional<Undoable<?>> undoable(int layer) {
        return Optional.ofNullable(wrapped.get(layer - 1));
    }

    /**
     * @return a new sequence of the layers after the first {@code count}; for an encoder whose
     *         first layer turns the flat data into an image, {@code drop(1)} takes images
     * @param count how many layers to leave out at the front
     */
    public UndoableSequential drop(int count) {
        return new UndoableSequential(layers.subList(count, layers.size()));
    }

    /**
     * Runs the first {@code until} layers keeping every context (seed 004's {@code forward(x, until)}).
     *
     * @param x     the input batch
     * @param until how many layers to run, 0 to {@link #size()}
     * @return the output and the contexts
     * @throws IllegalArgumentException if {@code until} is out of range or a layer on the way
     *                                  has no undo rule
     */
    public Trace forward(INDArray x, int until) {
        checkDepth(until);
        List<Object> contexts = new ArrayList<>();
        INDArray h = x;
        for (int i = 0; i < until; i++) {
            Undoable.Forward<?> f = wrapped.get(i).forward(h);
            contexts.add(f.context());
            h = f.output();
        }
        return new Trace(h, Collections.unmodifiableList(contexts));
    }

    /**
     * Undoes the layers a trace ran, last first.
     *
     * @param y     an array shaped like the trace's output
     * @param trace the forward pass to undo
     * @return an array shaped like that pass's input
     */
    public INDArray undo(INDArray y, Trace trace) {
        INDArray h = y;
        for (int i = trace.depth() - 1; i >= 0; i--) {
            h = undoOne(wrapped.get(i), h, trace.contexts().get(i));
        }
        return h;
    }

    @SuppressWarnings("unchecked")
    private static <C> INDArray undoOne(Undoable<C> u, INDArray y, Object context) {
        return u.undo(y, (C) context);
    }

    /**
     * Visualizes activations in input space (seed 004's {@code visualise_activations}): runs
     * {@code x} to {@code layer} keeping the contexts, keeps the {@code k} highest activations of
     * each example (all others zero, {@link TopK#keepTopK}) and undoes the layers back to the input.
     *
     * @param x     the input batch
     * @param layer the layer whose activations to show, counted from 1; {@code <= 0} returns {@code x}
     * @param k     how many activations to keep per example
     * @return an array shaped like {@code x} ({@code x} itself when {@code layer <= 0})
     * @throws IllegalArgumentException if {@code layer} is past the end (the message names the
     *                                  depth), a layer on the way has no undo rule, or {@code k}
     *                                  exceeds the activations of the layer
     */
    public INDArray visualizeActivations(INDArray x, int layer, int k) {
        if (layer <= 0) {
            return x;
        }
        Trace t = forward(x, layer);
        long per = t.output().length() / Math.max(1, t.output().size(0));
        if (k < 0 || k > per) {
            throw new IllegalArgumentException("k = " + k + " is not within the " + per + " activations of layer "
                    + layer + " (" + layers.get(layer - 1).describe() + ")");
        }
        return undo(TopK.keepTopK(t.output(), k), t);
    }

    private void checkDepth(int until) {
        if (until < 0) {
            throw new IllegalArgumentException("cannot run " + until + " layers");
        }
        if (until > layers.size()) {
            throw new IllegalArgumentException("no layer " + until + " in a " + layers.size() + "-layer network");
        }
        for (int i = 0; i < until; i++) {
            if (wrapped.get(i) == null) {
                throw new IllegalArgumentException("layer " + (i + 1) + " (" + layers.get(i).describe()
                        + ") cannot be undone, so no layer from " + (i + 1) + " on can be visualized; "
                        + "layers with an undo rule: " + String.join(", ", Undoables.SUPPORTED));
            }
        }
    }

    /** @return one line per layer: its number, its description and how it is undone */
    public List<String> describeLayers() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Undoable<?> u = wrapped.get(i);
            out.add((i + 1) + ": " + layers.get(i).describe() + " (undo: " + (u == null ? "none" : u.rule()) + ")");
        }
        return out;
    }
}
