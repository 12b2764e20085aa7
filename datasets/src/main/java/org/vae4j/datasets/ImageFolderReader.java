package org.vae4j.datasets;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Image files in one folder per class, as torchvision's {@code ImageFolder} reads them:
 * {@code DIR/train/<class>/*.png} and {@code DIR/test/<class>/*.png} (PNG, JPEG, BMP or GIF, as
 * Java's ImageIO reads them). Classes are the subfolder names of {@code train/} in sorted order,
 * labels their indices. Every image must have the size of the first; it is read as grey (one
 * channel) if the first image has one colour component, else as RGB (three channels, the grey
 * images among them repeated in each).
 */
public final class ImageFolderReader {
    /** The file name endings read, lower case. */
    public static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    private ImageFolderReader() {
    }

    /**
     * @param split a split's folder, {@code DIR/train} or {@code DIR/test}
     * @return its class folders, sorted by name
     * @throws IOException if it cannot be listed
     */
    static List<Path> classFolders(Path split) throws IOException {
        try (Stream<Path> s = Files.list(split)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    /**
     * @param split a split's folder
     * @return its image files, class folder by class folder, each sorted by name
     * @throws IOException if a folder cannot be listed
     */
    static List<Path> imageFiles(Path split) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path c : classFolders(split)) {
            try (Stream<Path> s = Files.list(c)) {
                s.filter(f -> Files.isRegularFile(f) && isImage(f)).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static boolean isImage(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    /**
     * @param files   image files, each in its class folder
     * @param classes the class names, in label order
     * @param like    an image whose size and channels every image must have, or null to take
     *                them from the first
     * @return the images, labelled by their class folder
     * @throws DataFormatException naming the file that cannot be read, has another size, or is in a
     *                             class folder that {@code classes} lacks
     */
    static ImageSet read(List<Path> files, List<String> classes, long[] like) {
        return read(files, classes, like, false);
    }

    /**
     * As {@link #read(List, List, long[])}, with images of another size scaled to {@code like}'s
     * if {@code resize} (bilinear, as Java2D draws them).
     *
     * @param files   image files, each in its class folder
     * @param classes the class names, in label order
     * @param like    the size and channels every image gets, or null to take them from the first
     * @param resize  whether an image of another size is scaled (else it is an error)
     * @return the images, labelled by their class folder
     * @throws DataFormatException naming the file that cannot be read, has another size (without
     *                             resize), or is in a class folder that {@code classes} lacks
     */
    static ImageSet read(List<Path> files, List<String> classes, long[] like, boolean resize) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no image files");
        }
        int channels = -1;
        int height = -1;
        int width = -1;
        byte[] pixels = null;
        int[] labels = new int[files.size()];
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            BufferedImage img = decode(f);
            if (i == 0) {
                long[] shape = like != null ? like : shapeOf(f);
                channels = (int) shape[0];
                height = (int) shape[1];
                width = (int) shape[2];
                pixels = new byte[Math.multiplyExact(Math.multiplyExact(files.size(), channels), height * width)];
            }
            if (img.getHeight() != height || img.getWidth() != width) {
                if (!resize) {
                    throw new DataFormatException(f, -1, "is " + img.getWidth() + "x" + img.getHeight() + " pixels, but "
                            + (like != null ? "the images are to be " : "the first image, " + files.get(0) + ", is ")
                            + width + "x" + height + (like != null ? " (the training images' size, or $.data.imageShape)"
                            : "") + "; give images of one size, or set \"imageShape\" and \"resize\": true in $.data "
                            + "to scale them");
                }
                img = scaled(img, width, height);
            }
            String cls = f.getParent().getFileName().toString();
            labels[i] = classes.indexOf(cls);
            if (labels[i] < 0) {
                throw new DataFormatException(f, -1, "is in the class folder '" + cls + "', which the training "
                        + "images do not have (their classes: " + String.join(", ", classes) + ")");
            }
            copy(img, channels, pixels, i * channels * height * width);
        }
        return ImageSet.of(pixels, labels, channels, height, width, files.size() + " images");
    }

    /** @return {@code img} drawn at {@code width x height} with bilinear interpolation, as RGB */
    private static BufferedImage scaled(BufferedImage img, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * @param first an image file
     * @return the shape {@link #read} gives it and every image read like it: {@code [C, H, W]}
     * @throws DataFormatException if it cannot be read
     */
    static long[] shapeOf(Path first) {
        BufferedImage img = decode(first);
        return new long[] {img.getColorModel().getNumColorComponents() == 1 ? 1 : 3, img.getHeight(), img.getWidth()};
    }

    private static BufferedImage decode(Path f) {
        BufferedImage img;
        try {
            img = ImageIO.read(f.toFile());
        } catch (IOException e) {
            throw new DataFormatException(f, -1, "cannot be read as an image: " + e.getMessage(), e);
        }
        if (img == null) {
            throw new DataFormatException(f, -1, "is not an image Java can read (PNG, JPEG, BMP or GIF)");
        }
        return img;
    }

    /** Channels first; grey from the raster when the image has one band, else luminance or RGB. */
    private static void copy(BufferedImage img, int channels, byte[] dst, int offset) {
        int h = img.getHeight();
        int w = img.getWidth();
        boolean oneBand = img.getRaster().getNumBands() == 1 && img.getColorModel().getNumColorComponents() == 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (oneBand && img.getColorModel().getComponentSize(0) == 8) {
                    int v = img.getRaster().getSample(x, y, 0);
                    for (int c = 0; c < channels; c++) {
                        dst[offset + (c * h + y) * w + x] = (byte) v;
                    }
                    continue;
                }
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (channels == 1) {
                    dst[offset + y * w + x] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
                } else {
                    dst[offset + y * w + x] = (byte) r;
                    dst[offset + (h + y) * w + x] = (byte) g;
                    dst[offset + (2 * h + y) * w + x] = (byte) b;
                }
            }
        }
    }
}
