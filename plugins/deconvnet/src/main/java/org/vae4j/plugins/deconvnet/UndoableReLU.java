package org.vae4j.plugins.deconvnet;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.api.Pass;
import org.vae4j.engine.layers.ReLU;

/**
 * Undoes a ReLU by the deconvnet rule: the undo applies a ReLU to the signal coming back,
 * whatever the forward input was (seed 004's {@code UndoableReLU}; Captum's
 * {@code Deconvolution}). The context is empty.
 */
public final class UndoableReLU implements Undoable<Void> {
    private final ReLU original;

    /** @param original the engine ReLU */
    public UndoableReLU(ReLU original) {
        this.original = original;
    }

    @Override
    public Layer original() {
        return original;
    }

    @Override
    public Forward<Void> forward(INDArray x) {
        return new Forward<>(original.forward(x, Pass.inference()).dup(), null);
    }

    /** @return {@code max(0, y)} */
    @Override
    public INDArray undo(INDArray y, Void context) {
        INDArray out = y.ulike();
        Nd4j.exec(new RectifiedLinear(y, out, 0.0));
        return out;
    }

    @Override
    public String rule() {
        return "ReLU of the signal (deconvnet rule)";
    }
}
