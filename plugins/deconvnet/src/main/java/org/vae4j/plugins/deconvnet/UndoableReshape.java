package org.vae4j.plugins.deconvnet;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.Layer;
import org.vae4j.api.Pass;
import org.vae4j.engine.layers.conv.Reshape;

/**
 * Undoes a reshape (or a {@code Flatten}, which is one) by reshaping back to the input's shape,
 * which is the context.
 */
public final class UndoableReshape implements Undoable<long[]> {
    private final Reshape original;

    /** @param original the engine reshape or flatten */
    public UndoableReshape(Reshape original) {
        this.original = original;
    }

    @Override
    public Layer original() {
        return original;
    }

    @Override
    public Forward<long[]> forward(INDArray x) {
        return new Forward<>(original.forward(x, Pass.inference()).dup(), x.shape());
    }

    @Override
    public INDArray undo(INDArray y, long[] inputShape) {
        return y.dup('c').reshape('c', inputShape);
    }

    @Override
    public String rule() {
        return "reshaped back to the input's shape";
    }
}
