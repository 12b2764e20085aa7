package org.vae4j.datasets;

/**
 * Turns the unsigned 8-bit pixels of one image into the floats a model sees, e.g. scaled to
 * [0, 1], quantized to 16 levels or binarized. Implementations must be stateless and thread-safe:
 * the result may depend only on the pixels, the image's identity and the epoch, never on which
 * batch or thread asks, so training is reproducible.
 *
 * <p>The standard transforms are made by {@link PixelTransforms}.
 */
public interface PixelTransform {

    /**
     * @return a stable name, as used in experiment specs: {@code "scale"}, {@code "symmetric"},
     *         {@code "identity-levels"}, {@code "quantize"}, {@code "quantized-symmetric"},
     *         {@code "binarize"} or {@code "dynamic-binarize"}
     */
    String name();

    /**
     * Writes the transformed pixels of one image.
     *
     * @param set       the images
     * @param image     which image, {@code 0 <= image < set.size()}
     * @param dst       where to write {@code set.dimensions()} floats, in the image's C order
     * @param dstOffset where in {@code dst} to start
     * @param epoch     the epoch, for transforms that draw anew each epoch; others ignore it
     */
    void apply(ImageSet set, int image, float[] dst, int dstOffset, long epoch);

    /**
     * @return whether {@link #apply} gives different results for different epochs, so a caller
     *         that caches transformed data knows whether it may
     */
    boolean dependsOnEpoch();

    /**
     * Convenience for one image.
     *
     * @param set   the images
     * @param image which image
     * @param epoch the epoch
     * @return the transformed pixels, {@code set.dimensions()} floats
     */
    default float[] apply(ImageSet set, int image, long epoch) {
        float[] out = new float[set.dimensions()];
        apply(set, image, out, 0, epoch);
        return out;
    }
}
