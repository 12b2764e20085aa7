package org.vae4j.engine.layers;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies between c-contiguous FLOAT arrays and Java {@code float[]}s, for element-wise
 * functions that run faster as plain Java loops (which the JIT vectorizes) than as ND4J 1.0.0-M2.1
 * ops, whose transcendental functions are scalar. The copies are memcpy-speed.
 */
public final class HostFloats {
    private HostFloats() {
    }

    /**
     * @param a an array
     * @return whether it is FLOAT and its elements lie contiguously in C order ({@link #dense}), so
     *         that it can be copied to and from a {@code float[]} in one piece
     */
    public static boolean fits(INDArray a) {
        return a.dataType() == DataType.FLOAT && dense(a.shape(), a.stride()) && a.length() <= Integer.MAX_VALUE - 8;
    }

    /**
     * Whether elements of these strides lie densely in C order. ND4J gives axes of size 1 strides
     * of its own choosing (a batch of one channel, [N, 1, H, W], has strides [HW, HW, W, 1], which
     * {@code Shape.hasDefaultStridesForShape} rejects); such an axis's stride is never used, and
     * neither is the order ND4J reports for a vector.
     *
     * @param shape  an array's shape
     * @param stride its strides, in elements
     * @return whether it is C-contiguous
     */
    public static boolean dense(long[] shape, long[] stride) {
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && stride[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    private static FloatBuffer floats(INDArray a) {
        if (!fits(a)) {
            throw new IllegalArgumentException("expected a c-contiguous FLOAT array, got " + a.dataType() + " "
                    + java.util.Arrays.toString(a.shape()) + " strides " + java.util.Arrays.toString(a.stride()));
        }
        FloatBuffer fb = a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        fb.position(Math.toIntExact(a.offset()));
        return fb;
    }

    /**
     * @param a   a c-contiguous FLOAT array
     * @param dst receives its first {@code dst.length} values in C order
     */
    public static void read(INDArray a, float[] dst) {
        floats(a).get(dst, 0, (int) a.length());
    }

    /**
     * @param src the values, at least as many as {@code a} has
     * @param a   a c-contiguous FLOAT array, overwritten in C order
     */
    public static void write(float[] src, INDArray a) {
        floats(a).put(src, 0, (int) a.length());
    }
}
