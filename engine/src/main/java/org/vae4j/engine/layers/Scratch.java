package org.vae4j.engine.layers;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One reusable array whose leading dimension is the batch size. Layers keep their outputs and
 * input gradients in these so the training loop allocates nothing per step; the array is
 * re-allocated only when the batch size or type changes (twice per epoch, for the short last
 * batch and back).
 */
public final class Scratch {
    private INDArray array;

    /**
     * @param type the data type wanted
     * @param shape the full shape, batch dimension first
     * @return an array of that shape and type with undefined contents
     */
    public INDArray get(DataType type, long... shape) {
        if (array == null || array.dataType() != type || !Arrays.equals(array.shape(), shape)) {
            array = Nd4j.createUninitialized(type, shape, 'c');
        }
        return array;
    }

    /**
     * @param like an array whose shape and type to match
     * @return an array of the same shape and type with undefined contents
     */
    public INDArray like(INDArray like) {
        return get(like.dataType(), like.shape());
    }
}
