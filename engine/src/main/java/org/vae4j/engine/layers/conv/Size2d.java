package org.vae4j.engine.layers.conv;

/**
 * A height and a width: a kernel size, stride, padding, dilation or scale factor, as PyTorch's
 * {@code int | (int, int)} arguments.
 *
 * @param h the size along the height (rows)
 * @param w the size along the width (columns)
 */
public record Size2d(long h, long w) {

    /**
     * @param both the size along both axes
     * @return a square size
     */
    public static Size2d of(long both) {
        return new Size2d(both, both);
    }

    /**
     * @param h the size along the height
     * @param w the size along the width
     * @return the size
     */
    public static Size2d of(long h, long w) {
        return new Size2d(h, w);
    }

    /** @return whether height and width are equal */
    public boolean isSquare() {
        return h == w;
    }

    /** @return {@code "3"} for a square size, {@code "3x5"} otherwise */
    @Override
    public String toString() {
        return isSquare() ? Long.toString(h) : h + "x" + w;
    }
}
