package org.vae4j.engine.layers;

import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Checks a layer's arrays can exist before they are allocated, so that a mistyped size
 * ({@code "hidden": [2000000000]}) is a message naming the layer and the memory it would need,
 * not a native {@code std::bad_alloc}. A parameter costs four arrays of its size in training
 * (value, gradient, and an optimizer's two moments).
 */
public final class Allocations {
    /** Arrays per parameter during training: value, gradient, Adam's m and v. */
    static final int ARRAYS_PER_PARAMETER = 4;

    private Allocations() {
    }

    /**
     * @param layer    the layer's description, for the message
     * @param elements the values of its largest parameter
     * @param type     their type
     * @throws ShapeMismatchException if ND4J could not allocate them
     */
    public static void require(String layer, long elements, DataType type) {
        long limit = limit();
        double bytes = (double) elements * type.width() * ARRAYS_PER_PARAMETER;
        if (elements < 0 || elements > Integer.MAX_VALUE - 8L || bytes > limit) {
            throw new ShapeMismatchException(String.format(Locale.ROOT, "%s needs %,d parameter values, %s with their "
                    + "gradients and optimizer state, more than the %s ND4J may allocate here (set by -Xmx in "
                    + "VAE4J_JAVA_OPTS); make it smaller", layer, elements, human(bytes), human(limit)));
        }
    }

    /** @return the bytes ND4J may allocate off the heap in this JVM */
    public static long limit() {
        return Pointer.maxBytes() > 0 ? Pointer.maxBytes() : Runtime.getRuntime().maxMemory();
    }

    /** @return {@link #limit()} as the messages print it, e.g. {@code 8.0 GB} */
    public static String describeLimit() {
        return human(limit());
    }

    static String human(double bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB"};
        int u = 0;
        while (bytes >= 1024 && u < units.length - 1) {
            bytes /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
    }
}
