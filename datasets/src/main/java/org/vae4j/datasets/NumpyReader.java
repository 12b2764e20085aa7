package org.vae4j.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.engine.io.Npy;
import org.vae4j.engine.io.Npz;

/**
 * A user's own images as NumPy arrays: {@code x_train}, {@code x_test} and, if the images are
 * labelled, {@code y_train}, {@code y_test}, either as {@code .npy} files in one folder or as the
 * arrays of one {@code .npz} file (the names Keras's {@code mnist.npz} uses).
 *
 * <p>Images are {@code [N, H, W]} (grey), {@code [N, C, H, W]} with C = 1 or 3 (PyTorch's layout)
 * or {@code [N, D]} (flat vectors, read as one row of D pixels). Their values are unsigned bytes
 * (any integer type holding 0..255) or floating-point numbers in [0, 1], which are stored as the
 * nearest of the 256 levels {@code k/255} every vae4j data set has (a float array made by
 * dividing bytes by 255 reads back exactly). Labels are integers 0..K-1, one per image. The NPY
 * format itself (header, types, byte order, Fortran order) is read by the engine's {@link Npy}.
 */
public final class NumpyReader {
    /** The training images' array name. */
    public static final String X_TRAIN = "x_train";
    /** The training labels' array name. */
    public static final String Y_TRAIN = "y_train";
    /** The test images' array name. */
    public static final String X_TEST = "x_test";
    /** The test labels' array name. */
    public static final String Y_TEST = "y_test";
    /** More classes than this is taken for a mistake (e.g. labels that are really pixel values). */
    static final int MAX_CLASSES = 100_000;

    private NumpyReader() {
    }

    /**
     * Reads one split from {@code .npy} files.
     *
     * @param images the images' file, e.g. {@code DIR/x_train.npy}
     * @param labels the labels' file, or {@code null} if the images are unlabelled
     * @param classes the number of classes labels must stay below (from the training labels), or
     *                0 to take it from these labels
     * @return the split
     * @throws DataFormatException naming the file, and where known the byte offset, that is not a
     *                             readable NPY array of a supported shape, type and value range
     */
    static ImageSet readNpy(Path images, Path labels, int classes) {
        INDArray x = readNpyFile(images);
        INDArray y = labels == null ? null : readNpyFile(labels);
        return toImageSet(x, images, "the array", y, labels, "the array", classes);
    }

    /**
     * Reads one split from an {@code .npz} file.
     *
     * @param file    the file
     * @param test    the test split ({@code x_test}, {@code y_test}) rather than the training one
     * @param classes as for {@link #readNpy}
     * @return the split
     * @throws DataFormatException naming the file and the array at fault
     */
    static ImageSet readNpz(Path file, boolean test, int classes) {
        String xKey = test ? X_TEST : X_TRAIN;
        String yKey = test ? Y_TEST : Y_TRAIN;
        Map<String, INDArray> arrays = readNpzArrays(file, Set.of(xKey, yKey));
        INDArray x = arrays.get(xKey);
        if (x == null) {
            throw new DataFormatException(file, -1, "has no array '" + xKey + "' (it needs " + X_TRAIN + " and "
                    + X_TEST + ", and " + Y_TRAIN + ", " + Y_TEST + " for labels; write it with numpy.savez(path, "
                    + X_TRAIN + "=..., " + X_TEST + "=...))");
        }
        return toImageSet(x, file, "array '" + xKey + "'", arrays.get(yKey), file, "array '" + yKey + "'", classes);
    }

    /**
     * @param format  {@link DataFormat#NPY} or {@link DataFormat#NPZ}
     * @param trainFiles the training files as the locator found them
     * @return the number of classes: one more than the largest training label, 1 if unlabelled
     * @throws DataFormatException if the labels cannot be read or are not class indices
     */
    static int classCount(DataFormat format, java.util.List<Path> trainFiles) {
        INDArray y;
        Path file;
        String name;
        if (format == DataFormat.NPZ) {
            file = trainFiles.get(0);
            y = readNpzArrays(file, Set.of(Y_TRAIN)).get(Y_TRAIN);
            name = "array '" + Y_TRAIN + "'";
        } else {
            file = trainFiles.size() > 1 ? trainFiles.get(1) : null;
            y = file == null ? null : readNpyFile(file);
            name = "the array";
        }
        return y == null ? 1 : labels(y, -1, file, name, 0).classes;
    }

    /**
     * @param file an npz file
     * @return the keys of its arrays (entry names without {@code .npy}), without reading them
     * @throws DataFormatException if it is not a zip archive
     */
    static Set<String> npzKeys(Path file) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            return zip.stream().map(e -> e.getName().replaceFirst("\\.npy$", ""))
                    .collect(java.util.stream.Collectors.toSet());
        } catch (java.util.zip.ZipException e) {
            throw new DataFormatException(file, -1, "cannot read as NumPy arrays: not a zip archive ("
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static INDArray readNpyFile(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return Npy.read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new DataFormatException(file, -1, "cannot read as a NumPy array: " + e.getMessage(), e);
        }
    }

    private static Map<String, INDArray> readNpzArrays(Path file, Set<String> keys) {
        try {
            return Npz.read(file, keys);
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            // Npz's messages start with the file already
            String detail = m.startsWith(file.toString())
                    ? m.substring(file.toString().length()).replaceFirst("^: ", "") : m;
            throw new DataFormatException(file, -1, "cannot read as NumPy arrays: " + detail, e);
        }
    }

    private static ImageSet toImageSet(INDArray x, Path xFile, String xName, INDArray y, Path yFile, String yName,
                                       int classes) {
        long[] s = x.shape();
        int channels;
        int height;
        int width;
        String shape = Arrays.toString(s);
        switch (s.length) {
            case 2 -> {
                channels = 1;
                height = 1;
                width = (int) s[1];
            }
            case 3 -> {
                channels = 1;
                height = (int) s[1];
                width = (int) s[2];
            }
            case 4 -> {
                if (s[1] != 1 && s[1] != 3) {
                    String hint = s[3] == 1 || s[3] == 3 ? "; it looks channels-last [N, H, W, C]: store "
                            + "x.transpose(0, 3, 1, 2)" : "";
                    throw new DataFormatException(xFile, -1, xName + " has shape " + shape
                            + ", expected [N, C, H, W] with C = 1 (grey) or 3 (RGB)" + hint);
                }
                channels = (int) s[1];
                height = (int) s[2];
                width = (int) s[3];
            }
            default -> throw new DataFormatException(xFile, -1, xName + " has shape " + shape
                    + ", expected images [N, H, W] or [N, C, H, W], or vectors [N, D]");
        }
        int n = (int) s[0];
        if (n < 1 || channels * (long) height * width < 1) {
            throw new DataFormatException(xFile, -1, xName + " has shape " + shape + ": no images");
        }
        byte[] pixels = pixels(x, xFile, xName);
        int[] labels = y == null ? new int[n] : labels(y, n, yFile, yName, classes).values;
        return ImageSet.of(pixels, labels, channels, height, width, xName);
    }

    private static byte[] pixels(INDArray x, Path file, String name) {
        DataType type = x.dataType();
        DataBuffer data = x.data();
        int count = (int) x.length();
        byte[] out = new byte[count];
        if (type.isFPType()) {
            for (int i = 0; i < count; i++) {
                double v = data.getDouble(i);
                if (!(v >= 0 && v <= 1)) {
                    throw new DataFormatException(file, -1, name + " holds " + v + " at flat index " + i
                            + " (image " + i / (count / x.size(0)) + "): floating-point images must lie in [0, 1]"
                            + (v > 1 && v <= 255 ? "; divide by 255, or store them as uint8" : ""));
                }
                out[i] = (byte) Math.round(v * 255);
            }
        } else if (type.isIntType()) {
            for (int i = 0; i < count; i++) {
                long v = data.getLong(i);
                if (v < 0 || v > 255) {
                    throw new DataFormatException(file, -1, name + " holds " + v + " at flat index " + i
                            + " (image " + i / (count / x.size(0)) + "): integer images must lie in 0..255");
                }
                out[i] = (byte) v;
            }
        } else {
            throw new DataFormatException(file, -1, name + " has type " + type
                    + ", expected unsigned bytes (uint8) or floats in [0, 1]");
        }
        return out;
    }

    /** Labels and the number of classes they span. */
    private record Labels(int[] values, int classes) {
    }

    private static Labels labels(INDArray y, int n, Path file, String name, int classes) {
        if (!y.dataType().isIntType()) {
            throw new DataFormatException(file, -1, name + " has type " + y.dataType()
                    + ", expected integer class indices (e.g. int64 or uint8)");
        }
        if (y.rank() != 1 || (n >= 0 && y.length() != n)) {
            throw new DataFormatException(file, -1, name + " has shape " + Arrays.toString(y.shape())
                    + ", expected [" + (n >= 0 ? n : "N") + "]: one class index per image");
        }
        int limit = classes > 0 ? classes : MAX_CLASSES;
        int[] out = new int[(int) y.length()];
        int max = 0;
        DataBuffer data = y.data();
        for (int i = 0; i < out.length; i++) {
            long v = data.getLong(i);
            if (v < 0 || v >= limit) {
                throw new DataFormatException(file, -1, name + " holds " + v + " at index " + i + ": labels must be 0.."
                        + (limit - 1) + (classes > 0 ? " (the classes of the training labels)" : ""));
            }
            out[i] = (int) v;
            max = Math.max(max, out[i]);
        }
        return new Labels(out, max + 1);
    }
}
