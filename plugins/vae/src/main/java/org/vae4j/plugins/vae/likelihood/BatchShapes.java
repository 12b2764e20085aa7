package org.vae4j.plugins.vae.likelihood;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/** Shape checks and layout helpers shared by the likelihoods of this package. */
final class BatchShapes {
    private BatchShapes() {
    }

    /**
     * @throws IllegalArgumentException unless {@code params} is {@code [N, width]}
     */
    static void requireParams(INDArray params, long width, String who) {
        if (params.rank() != 2 || params.size(1) != width) {
            throw new IllegalArgumentException(who + " expects parameters [N, " + width + "], got "
                    + Arrays.toString(params.shape()));
        }
    }

    /**
     * @throws IllegalArgumentException unless {@code x} is {@code [N, d]} with the rows of {@code params}
     */
    static void requireData(INDArray x, INDArray params, long d, String who) {
        if (x.rank() != 2 || x.size(1) != d || x.size(0) != params.size(0)) {
            throw new IllegalArgumentException(who + " expects data [" + params.size(0) + ", " + d
                    + "] to match parameters " + Arrays.toString(params.shape()) + ", got "
                    + Arrays.toString(x.shape()));
        }
    }

    /**
     * @throws IllegalArgumentException unless {@code gradient} has the shape of {@code params}
     */
    static void requireGradient(INDArray gradient, INDArray params, String who) {
        if (!Arrays.equals(gradient.shape(), params.shape())) {
            throw new IllegalArgumentException(who + " expects a gradient array shaped like the parameters "
                    + Arrays.toString(params.shape()) + ", got " + Arrays.toString(gradient.shape()));
        }
    }

    /** @return {@code x} in {@code type}, cast only when it differs (data may arrive as another float type) */
    static INDArray as(INDArray x, DataType type) {
        return x.dataType() == type ? x : x.castTo(type);
    }

    /**
     * @return whether a reshape of {@code a} is a view sharing its storage, so writes through the
     *         reshaped array land in {@code a}
     */
    static boolean reshapesInPlace(INDArray a) {
        return a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a);
    }
}
