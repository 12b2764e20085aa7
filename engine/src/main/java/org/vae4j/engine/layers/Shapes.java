package org.vae4j.engine.layers;

import java.util.Arrays;

/** Small helpers for per-example shapes (shapes without the batch dimension). */
public final class Shapes {
    private Shapes() {
    }

    /**
     * @param batch the batch size
     * @param example a per-example shape
     * @return {@code [batch, example...]}
     */
    public static long[] withBatch(long batch, long[] example) {
        long[] s = new long[example.length + 1];
        s[0] = batch;
        System.arraycopy(example, 0, s, 1, example.length);
        return s;
    }

    /**
     * @param shape a shape
     * @return the product of its sizes
     */
    public static long size(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    /**
     * @param shape a shape
     * @return it printed as {@code [1, 28, 28]}
     */
    public static String show(long[] shape) {
        return Arrays.toString(shape);
    }
}
