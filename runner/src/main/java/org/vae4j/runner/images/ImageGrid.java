package org.vae4j.runner.images;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.engine.io.AtomicFiles;

/** Tiles pictures (intensities in [0, 1]) into one PNG with {@code javax.imageio}. */
public final class ImageGrid {
    private static final int GAP = 2;

    private ImageGrid() {
    }

    /**
     * @param intensities {@code [N, C*H*W]} in [0, 1], C = 1 (grey) or 3 (RGB planes)
     * @param shape       {C, H, W}
     * @param columns     pictures per row
     * @param file        the PNG to write (atomically)
     * @throws IOException if it cannot be written
     */
    public static void write(INDArray intensities, long[] shape, int columns, Path file) throws IOException {
        BufferedImage img = render(intensities, shape, columns);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /**
     * @param intensities {@code [N, C*H*W]} in [0, 1]
     * @param shape       {C, H, W}
     * @param columns     pictures per row
     * @return the tiled picture, grey gaps between tiles
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
