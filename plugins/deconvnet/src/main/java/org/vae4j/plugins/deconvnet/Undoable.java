package org.vae4j.plugins.deconvnet;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.Layer;

/**
 * A layer with an "undo": the forward pass returns the output together with a context (what the
 * undo needs to remember, such as the argmax positions of a max-pooling), and
 * {@link #undo(INDArray, Object)} maps an array shaped like the output back to the input space,
 * as Zeiler and Fergus's deconvnet does (seed 004's {@code UndoableReLU}, {@code UndoableMaxPool2d}
 * and {@code UndoableConv2d}).
 *
 * <p>Every array this interface returns is a new array that the caller owns: it outlives the next
 * pass of the wrapped layer, whose own outputs are reused buffers.
 *
 * @param <C> the type of the context
 */
public interface Undoable<C> {

    /**
     * The result of a forward pass.
     *
     * @param output  the wrapped layer's output, a new array
     * @param context what {@link #undo} needs; may be null when it needs nothing
     * @param <C>     the type of the context
     */
    record Forward<C>(INDArray output, C context) {
    }

    /** @return the wrapped engine layer */
    Layer original();

    /**
     * @param x a batch {@code [N, inputShape...]}
     * @return the wrapped layer's output (evaluation mode) and the context of this pass
     */
    Forward<C> forward(INDArray x);

    /**
     * @param y       an array shaped like the output of the forward pass that made {@code context}
     * @param context the context of that forward pass
     * @return an array shaped like that pass's input, a new array
     */
    INDArray undo(INDArray y, C context);

    /** @return what the undo does, in a few words, for documentation and messages */
    String rule();
}
