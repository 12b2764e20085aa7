package org.vae4j.api.data;

import java.util.List;

/**
 * One split of a data set as a {@link DatasetReader} gives it: 8-bit pixels and class labels.
 *
 * @param pixels     {@code N * C * H * W} values 0..255, image after image, each channel after
 *                   channel, each row after row (as {@code uint8 [N, C, H, W]} in C order)
 * @param labels     one class index per image, 0..K-1 (all 0 for unlabelled data)
 * @param channels   C, 1 (grey) or 3 (RGB)
 * @param height     H
 * @param width      W
 * @param classNames the K class names, by index (e.g. {@code ["class 0"]} for unlabelled data)
 */
public record ImageData(byte[] pixels, int[] labels, int channels, int height, int width, List<String> classNames) {
    /** @throws IllegalArgumentException if the sizes do not fit together */
    public ImageData {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("an image is [C, H, W] with all three >= 1, got [" + channels + ", "
                    + height + ", " + width + "]");
        }
        long per = (long) channels * height * width;
        if (pixels.length != per * labels.length) {
            throw new IllegalArgumentException(pixels.length + " pixel values for " + labels.length + " images of "
                    + channels + "x" + height + "x" + width + " (" + per + " each)");
        }
        classNames = List.copyOf(classNames);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("image " + i + " has label " + labels[i] + "; there are "
                        + classNames.size() + " class names");
            }
        }
    }

    /** @return N */
    public int size() {
        return labels.length;
    }
}
