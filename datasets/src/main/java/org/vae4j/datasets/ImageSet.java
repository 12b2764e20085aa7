package org.vae4j.datasets;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, labelled set of images with unsigned 8-bit pixels, all of one shape
 * {@code channels x height x width}.
 *
 * <p>Pixels are kept as the bytes they were read as (one byte per value, 47 MB for
 * Fashion-MNIST's training set instead of 188 MB as floats); {@link PixelTransform}s turn them into
 * floats batch by batch. The pixels of one image are in C order: channel, then row, then column,
 * so {@code index = (c * height + y) * width + x}.
 *
 * <p>{@link #slice(int, int)} and {@link #head(int)} are views that share the backing arrays, so a
 * train/validation split costs nothing. Every image keeps its {@linkplain #sourceIndex(int) index
 * in the set it was read as}, which seeds per-image randomness: an image is binarized the same way
 * whether it is reached through the full set or a slice.
 */
public final class ImageSet {
    private final byte[] pixels;
    private final int[] labels;
    /** index of this view's first image in the backing arrays */
    private final int first;
    private final int size;
    private final int channels;
    private final int height;
    private final int width;
    private final int dimensions;
    private final String description;

    /** Wraps arrays without copying; only for readers in this package that own the arrays. */
    ImageSet(byte[] pixels, int[] labels, int first, int size, int channels, int height, int width,
             String description) {
        this.pixels = pixels;
        this.labels = labels;
        this.first = first;
        this.size = size;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.dimensions = channels * height * width;
        this.description = description;
    }

    /**
     * Makes a set from arrays, copying them so that later changes by the caller cannot leak in.
     *
     * @param pixels      {@code labels.length * channels * height * width} unsigned bytes, image
     *                    after image, each in C order (channel, row, column)
     * @param labels      one label per image
     * @param channels    channels per image, at least 1
     * @param height      rows per image, at least 1
     * @param width       columns per image, at least 1
     * @param description what the set is, for logs and run reports
     * @return the set
     * @throws IllegalArgumentException if a size is not positive or the arrays do not fit
     */
    public static ImageSet of(byte[] pixels, int[] labels, int channels, int height, int width,
                              String description) {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "x"
                    + height + "x" + width);
        }
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("pixels has " + pixels.length + " bytes, expected "
                    + expected + " (" + labels.length + " images of " + channels + "x" + height + "x"
                    + width + ")");
        }
        return new ImageSet(pixels.clone(), labels.clone(), 0, labels.length, channels, height, width,
                Objects.requireNonNull(description, "description"));
    }

    /** @return the number of images */
    public int size() {
        return size;
    }

    /** @return channels per image (1 for grey-scale, 3 for RGB) */
    public int channels() {
        return channels;
    }

    /** @return rows per image */
    public int height() {
        return height;
    }

    /** @return columns per image */
    public int width() {
        return width;
    }

    /** @return D = channels * height * width, the values in one flattened image */
    public int dimensions() {
        return dimensions;
    }

    /** @return {@code {channels, height, width}}, a fresh array */
    public long[] shape() {
        return new long[] {channels, height, width};
    }

    /**
     * @param image the image, {@code 0 <= image < size()}
     * @return its label
     */
    public int label(int image) {
        return labels[first + checkImage(image)];
    }

    /** @return the labels of all images in order, a fresh array */
    public int[] labels() {
        return Arrays.copyOfRange(labels, first, first + size);
    }

    /**
     * @param image the image, {@code 0 <= image < size()}
     * @param index the value within the image, {@code 0 <= index < dimensions()}, in C order
     * @return the pixel value, 0..255
     */
    public int pixel(int image, int index) {
        checkImage(image);
        if (index < 0 || index >= dimensions) {
            throw new IndexOutOfBoundsException("pixel index " + index + " outside [0, " + dimensions
                    + ") of " + description);
        }
        return pixels[(first + image) * dimensions + index] & 0xFF;
    }

    /**
     * @param image the image, {@code 0 <= image < size()}
     * @return a copy of its pixels, unsigned bytes in C order (use {@code b & 0xFF})
     */
    public byte[] pixels(int image) {
        int start = pixelOffset(checkImage(image));
        return Arrays.copyOfRange(pixels, start, start + dimensions);
    }

    /**
     * The image's index in the set it was read as, before any slicing. Per-image random draws
     * (such as {@link PixelTransforms#binarize(long)}) are keyed by it, so they do not depend on
     * how the set was split.
     *
     * @param image the image in this view, {@code 0 <= image < size()}
     * @return its index in the original set
     */
    public int sourceIndex(int image) {
        return first + checkImage(image);
    }

    /**
     * A view of images {@code [from, to)}, sharing this set's arrays.
     *
     * @param from first image, inclusive
     * @param to   last image, exclusive
     * @return the view
     * @throws IndexOutOfBoundsException unless {@code 0 <= from <= to <= size()}
     */
    public ImageSet slice(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") is not within [0, "
                    + size + ") of " + description);
        }
        if (from == 0 && to == size) {
            return this;
        }
        return new ImageSet(pixels, labels, first + from, to - from, channels, height, width,
                description + " [" + from + ", " + to + ")");
    }

    /**
     * A copy of some of the images, in the order given: a new set, whose {@link #sourceIndex}
     * counts from 0 (seeded per-image draws follow the selection, which is itself seeded).
     *
     * @param images indices into this set
     * @param what   what the selection is, appended to the description
     * @return the selection
     * @throws IndexOutOfBoundsException if an index is outside this set
     */
    public ImageSet select(int[] images, String what) {
        int d = dimensions;
        byte[] px = new byte[images.length * d];
        int[] lb = new int[images.length];
        for (int i = 0; i < images.length; i++) {
            int k = checkImage(images[i]);
            System.arraycopy(pixels, (first + k) * d, px, i * d, d);
            lb[i] = labels[first + k];
        }
        return new ImageSet(px, lb, 0, images.length, channels, height, width, description + " " + what);
    }

    /**
     * The first {@code n} images, or all of them if there are fewer; a view like
     * {@link #slice(int, int)}. Meant for quick runs on part of a data set.
     *
     * @param n how many images, at least 0
     * @return the view
     */
    public ImageSet head(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("head(" + n + "): the number of images must be >= 0");
        }
        return slice(0, Math.min(n, size));
    }

    /**
     * @param newDescription what the set is
     * @return the same images under another description (no copy)
     */
    public ImageSet withDescription(String newDescription) {
        return new ImageSet(pixels, labels, first, size, channels, height, width,
                Objects.requireNonNull(newDescription, "description"));
    }

    /** @return what the set is and where it came from, e.g. for a run report */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description + " (" + size + " images of " + channels + "x" + height + "x" + width + ")";
    }

    /** Backing array for transforms in this package; never handed out. */
    byte[] backingPixels() {
        return pixels;
    }

    /** Offset of an image's first pixel in {@link #backingPixels()}; the image is not checked. */
    int pixelOffset(int image) {
        return (first + image) * dimensions;
    }

    private int checkImage(int image) {
        if (image < 0 || image >= size) {
            throw new IndexOutOfBoundsException("image " + image + " outside [0, " + size + ") of "
                    + description);
        }
        return image;
    }
}
