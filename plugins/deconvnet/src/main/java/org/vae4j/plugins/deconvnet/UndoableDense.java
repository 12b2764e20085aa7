package org.vae4j.plugins.deconvnet;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.api.Pass;
import org.vae4j.engine.layers.Dense;

/**
 * Undoes a fully connected layer {@code y = x W + b} as the convolution is undone: by the
 * transposed weights without the bias, {@code y W^T}. The context is empty.
 */
public final class UndoableDense implements Undoable<Void> {
    private final Dense original;

    /** @param original the engine dense layer */
    public UndoableDense(Dense original) {
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

    @Override
    public INDArray undo(INDArray y, Void context) {
        INDArray w = original.parameters().get(0).value();
        INDArray s = y.castTo(w.dataType());
        INDArray out = Nd4j.create(w.dataType(), s.size(0), w.size(0));
        Nd4j.gemm(s, w, out, false, true, 1.0, 0.0);
        return out;
    }

    @Override
    public String rule() {
        return "transposed weights, bias removed";
    }
}
