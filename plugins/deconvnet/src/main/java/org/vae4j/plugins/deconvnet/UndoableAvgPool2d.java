package org.vae4j.plugins.deconvnet;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.api.Pass;
import org.vae4j.engine.layers.conv.AvgPool2d;
import org.vae4j.engine.layers.conv.Size2d;

/**
 * Undoes an average pooling by spreading every value evenly over its window: each input position
 * receives the sum of the values of the windows that contain it. For non-overlapping windows
 * ({@code nn.AvgPool2d(k)}) that is nearest-neighbour upsampling, seed 004's hint that "average
 * pooling can be undone by upsampling"; rows and columns the pooling never read come back as
 * zeros. It is the pooling's backward pass times the window size {@code kH*kW}, so an undone
 * constant comes back as the same constant. The context is the input's shape.
 */
public final class UndoableAvgPool2d implements Undoable<long[]> {
    private final AvgPool2d original;

    /** @param original the engine average pooling */
    public UndoableAvgPool2d(AvgPool2d original) {
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
        // the backward op reads only the shape of the remembered input
        Pass pass = Pass.training();
        original.forward(Nd4j.zeros(y.dataType(), inputShape), pass);
        Size2d k = original.kernel();
        return original.backward(y, pass, true).mul(k.h() * k.w());
    }

    @Override
    public String rule() {
        return "each value spread evenly over its window (nearest upsampling for non-overlapping windows)";
    }
}
