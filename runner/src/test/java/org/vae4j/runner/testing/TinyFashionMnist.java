package org.vae4j.runner.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A Fashion-MNIST-shaped IDX data set small enough for tests: 28x28 grey images under the four
 * standard file names, gzip-compressed. Each class has its own pattern (a horizontal and a
 * vertical bar at class-dependent places) plus noise, so a model can learn it within a few epochs.
 */
public final class TinyFashionMnist {
    /** The four files of an IDX data set, in the order the locator reads them. */
    public static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    /** Training images written by {@link #write(Path)}. */
    public static final int TRAIN = 300;
    /** Test images written by {@link #write(Path)}. */
    public static final int TEST = 100;
    private static final int SIDE = 28;

    private TinyFashionMnist() {
    }

    /**
     * Writes {@value #TRAIN} training and {@value #TEST} test images.
     *
     * @param dir the folder to create and fill
     * @return {@code dir}
     * @throws IOException if it cannot be written
     */
    public static Path write(Path dir) throws IOException {
        return write(dir, TRAIN, TEST);
    }

    /**
     * @param dir   the folder to create and fill
     * @param train training images
     * @param test  test images
     * @return {@code dir}
     * @throws IOException if it cannot be written
     */
    public static Path write(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        writeSplit(dir, "train", train, 1);
        writeSplit(dir, "t10k", test, 2);
        return dir;
    }

    private static void writeSplit(Path dir, String prefix, int n, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] pixels = new byte[n * SIDE * SIDE];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = i % 10;
            labels[i] = (byte) c;
            for (int r = 0; r < SIDE; r++) {
                for (int col = 0; col < SIDE; col++) {
                    boolean on = (r / 3) % 10 == c || (col / 3) % 10 == c;
                    int v = (on ? 220 : 20) + random.nextInt(41) - 20;
                    pixels[(i * SIDE + r) * SIDE + col] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        gzip(dir.resolve(prefix + "-images-idx3-ubyte.gz"), header(0x00000803, n, SIDE, SIDE), pixels);
        gzip(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), header(0x00000801, n), labels);
    }

    private static byte[] header(int... ints) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(b)) {
            for (int i : ints) {
                d.writeInt(i);
            }
        }
        return b.toByteArray();
    }

    private static void gzip(Path file, byte[] head, byte[] body) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(head);
            out.write(body);
        }
    }

    /**
     * @param file a gzip file
     * @return its decompressed bytes
     * @throws IOException if it cannot be read
     */
    public static byte[] gunzip(Path file) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /**
     * Replaces a file by a gzip file of the given (decompressed) bytes.
     *
     * @param file  the file
     * @param bytes its new decompressed content
     * @throws IOException if it cannot be written
     */
    public static void regzip(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
    }
}
