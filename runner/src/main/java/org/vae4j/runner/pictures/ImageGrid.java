package org.vae4j.runner.pictures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.engine.io.AtomicFiles;

/**
 * Tiles pictures (intensities in [0, 1]) into one PNG with {@code javax.imageio}: tiles in rows
 * of {@code columns}, {@value #GAP}-pixel grey gaps between them, and the whole grid enlarged by an
 * integer factor (each pixel becomes a block, no smoothing) so that 28 x 28 tiles are big enough
 * to look at.
 */
public final class ImageGrid {
    /** Grey pixels between tiles and around the grid, before enlarging. */
    public static final int GAP = 2;
    /** The width that {@link #scaleFor} aims at without exceeding it (unless the factor is 1). */
    public static final int TARGET_WIDTH = 1250;
    /** The largest enlargement {@link #scaleFor} picks. */
    public static final int MAX_SCALE = 3;

    private ImageGrid() {
    }

    /**
     * Writes the grid enlarged by {@link #scaleFor(int, long) scaleFor(columns, width)}.
     *
     * @param intensities {@code [N, C*H*W]} in [0, 1], C = 1 (grey) or 3 (RGB planes)
     * @param shape       {C, H, W}
     * @param columns     pictures per row
     * @param file        the PNG to write (atomically)
     * @throws IOException if it cannot be written
     */
    public static void write(INDArray intensities, long[] shape, int columns, Path file) throws IOException {
        int cols = Math.max(1, Math.min(columns, (int) intensities.size(0)));
        write(intensities, shape, columns, scaleFor(cols, shape[2]), file);
    }

    /**
     * @param intensities {@code [N, C*H*W]} in [0, 1], C = 1 (grey) or 3 (RGB planes)
     * @param shape       {C, H, W}
     * @param columns     pictures per row
     * @param scale       the enlargement, at least 1
     * @param file        the PNG to write (atomically)
     * @throws IOException if it cannot be written
     */
    public static void write(INDArray intensities, long[] shape, int columns, int scale, Path file)
            throws IOException {
        writePng(render(intensities, shape, columns, scale), file);
    }

    /**
     * @param img  a picture
     * @param file the PNG to write (atomically)
     * @throws IOException if it cannot be written
     */
    public static void writePng(BufferedImage img, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /**
     * The enlargement that brings a grid of {@code columns} tiles of width {@code tileWidth}
     * closest to {@value #TARGET_WIDTH} pixels wide without exceeding it, from 1 to
     * {@value #MAX_SCALE}: x3 for 8 columns of 28-pixel tiles, x2 for 16 or 20, x1 for 40.
     *
     * @param columns   tiles per row
     * @param tileWidth pixels per tile
     * @return the factor
     */
    public static int scaleFor(int columns, long tileWidth) {
        long width = columns * (tileWidth + GAP) + GAP;
        return (int) Math.max(1, Math.min(MAX_SCALE, TARGET_WIDTH / width));
    }

    /**
     * @param intensities {@code [N, C*H*W]} in [0, 1]
     * @param shape       {C, H, W}
     * @param columns     pictures per row
     * @param scale       the enlargement, at least 1
     * @return the tiled picture, grey gaps between tiles, each pixel a {@code scale x scale} block
     */
    public static BufferedImage render(INDArray intensities, long[] shape, int columns, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, got " + scale);
        }
        BufferedImage small = render(intensities, shape, columns);
        if (scale == 1) {
            return small;
        }
        BufferedImage big = new BufferedImage(small.getWidth() * scale, small.getHeight() * scale,
                BufferedImage.TYPE_INT_RGB);
        int[] row = new int[small.getWidth() * scale];
        for (int y = 0; y < small.getHeight(); y++) {
            for (int x = 0; x < small.getWidth(); x++) {
                int rgb = small.getRGB(x, y);
                for (int k = 0; k < scale; k++) {
                    row[x * scale + k] = rgb;
                }
            }
            for (int k = 0; k < scale; k++) {
                big.setRGB(0, y * scale + k, row.length, 1, row, 0, row.length);
            }
        }
        return big;
    }

    /**
     * @param intensities {@code [N, C*H*W]} in [0, 1]
     * @param shape       {C, H, W}
     * @param columns     pictures per row
     * @return the tiled picture at its natural size, grey gaps between tiles
     */
    public static BufferedImage render(INDArray intensities, long[] shape, int columns) {
        int c = (int) shape[0];
        int h = (int) shape[1];
        int w = (int) shape[2];
        int n = (int) intensities.size(0);
        int cols = Math.max(1, Math.min(columns, n));
        int rows = (n + cols - 1) / cols;
        BufferedImage img = new BufferedImage(cols * (w + GAP) + GAP, rows * (h + GAP) + GAP, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, 0x808080);
            }
        }
        float[] data = intensities.dup('c').data().asFloat();
        int d = c * h * w;
        for (int i = 0; i < n; i++) {
            int ox = GAP + (i % cols) * (w + GAP);
            int oy = GAP + (i / cols) * (h + GAP);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int r;
                    int g;
                    int b;
                    if (c == 1) {
                        r = g = b = toByte(data[i * d + y * w + x]);
                    } else {
                        r = toByte(data[i * d + y * w + x]);
                        g = toByte(data[i * d + h * w + y * w + x]);
                        b = toByte(data[i * d + 2 * h * w + y * w + x]);
                    }
                    img.setRGB(ox + x, oy + y, (r << 16) | (g << 8) | b);
                }
            }
        }
        return img;
    }

    private static int toByte(float v) {
        float clamped = Float.isNaN(v) ? 0 : Math.max(0f, Math.min(1f, v));
        return Math.round(clamped * 255f);
    }
}
