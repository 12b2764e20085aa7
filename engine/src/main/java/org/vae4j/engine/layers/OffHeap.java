package org.vae4j.engine.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Frees ND4J arrays as soon as a loop is done with them. ND4J's buffers live off the Java heap and
 * are freed when the garbage collector collects their small Java objects; a loop that allocates
 * large temporaries millions of times (an importance-weighted likelihood pushes 10 million codes
 * through a decoder) outruns it, and the process grows until the kernel kills it.
 */
public final class OffHeap {
    private OffHeap() {
    }

    /**
     * Closes arrays that own their buffers; views, arrays in workspaces, closed arrays and nulls are
     * left alone.
     *
     * @param arrays arrays no longer used by anyone
     */
    public static void free(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null && !a.wasClosed() && a.closeable()) {
                a.close();
            }
        }
    }
}
