package org.vae4j.plugins.deconvnet;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.Layer;
import org.vae4j.api.Pass;
import org.vae4j.engine.layers.Activation;

/**
 * Undoes an element-wise nonlinearity other than ReLU (ELU, leaky ReLU, GELU, tanh, sigmoid,
 * softplus) by its ordinary backward pass at the remembered input: the signal times the
 * derivative there. The deconvnet rule is defined for ReLU only; for every other module Captum's
 * {@code Deconvolution}, whose rule the undo of this package reproduces, keeps the ordinary
 * gradient, and so does this class. The context is the forward input.
 */
public final class UndoableActivation implements Undoable<INDArray> {
    private final Activation original;

    /** @param original the engine activation */
    public UndoableActivation(Activation original) {
        this.original = original;
    }

    @Override
    public Layer original() {
        return original;
    }

    @Override
    public Forward<INDArray> forward(INDArray x) {
        return new Forward<>(original.forward(x, Pass.inference()).dup(), x.dup());
    }

    @Override
    public INDArray undo(INDArray y, INDArray input) {
        Pass pass = Pass.training();
        original.forward(input, pass);
        return original.backward(y, pass, true).dup();
    }

    @Override
    public String rule() {
        return "the activation's own backward pass at the remembered input (Captum keeps it for non-ReLU modules)";
    }
}
