package org.vae4j.plugins.deconvnet.visualize;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads a picture with {@code javax.imageio} and fits it to a network's input size. */
public final class InputImage {
    private InputImage() {
    }

    /**
     * @param file a PNG, JPEG, GIF or BMP file
     * @return the picture
     * @throws IllegalArgumentException if there is no such file or it is no picture javax.imageio knows
     * @throws IOException if it cannot be read
     */
    public static BufferedImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IllegalArgumentException(file + ": not a picture javax.imageio can read (PNG, JPEG, GIF, BMP)");
        }
        return img;
    }

    /**
     * Crops the largest centred region with the target's aspect ratio and resizes it bilinearly.
     *
     * @param img    the picture
     * @param height the target height
     * @param width  the target width
     * @return an RGB picture of exactly that size
     */
    public static BufferedImage fit(BufferedImage img, int height, int width) {
        int w = img.getWidth();
        int h = img.getHeight();
        int cw = w;
        int ch = h;
        if ((long) w * height > (long) h * width) {
            cw = Math.max(1, (int) Math.round((double) h * width / height));
        } else {
            ch = Math.max(1, (int) Math.round((double) w * height / width));
        }
        int x0 = (w - cw) / 2;
        int y0 = (h - ch) / 2;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, width, height, x0, y0, x0 + cw, y0 + ch, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * @param img      an RGB picture
     * @param channels 3 for RGB planes, 1 for grey (luma 0.299 R + 0.587 G + 0.114 B)
     * @return intensities in [0, 1], {@code [channels * H * W]} in C order (channel, row, column)
     */
    public static double[] intensities(BufferedImage img, int channels) {
        int h = img.getHeight();
        int w = img.getWidth();
        double[] out = new double[channels * h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                double r = ((rgb >> 16) & 0xff) / 255.0;
                double g = ((rgb >> 8) & 0xff) / 255.0;
                double b = (rgb & 0xff) / 255.0;
                if (channels == 1) {
                    out[y * w + x] = 0.299 * r + 0.587 * g + 0.114 * b;
                } else {
                    out[y * w + x] = r;
                    out[h * w + y * w + x] = g;
                    out[2 * h * w + y * w + x] = b;
                }
            }
        }
        return out;
    }
}
