package org.vae4j.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the CIFAR-10 binary format ({@code data_batch_1.bin} ... {@code data_batch_5.bin},
 * {@code test_batch.bin}): a file is a sequence of 3073-byte records, each one label byte (0..9)
 * followed by 3072 pixel bytes, the red, green and blue planes of a 32x32 image, rows top to
 * bottom. That is already the C order (channel, row, column) of {@link ImageSet}, so records are
 * copied as they are.
 *
 * @see <a href="https://www.cs.toronto.edu/~kriz/cifar.html">the CIFAR-10 page</a>
 */
public final class Cifar10Reader {
    /** Channels of a CIFAR-10 image (red, green, blue). */
    public static final int CHANNELS = 3;
    /** Rows of a CIFAR-10 image. */
    public static final int HEIGHT = 32;
    /** Columns of a CIFAR-10 image. */
    public static final int WIDTH = 32;
    /** Pixel bytes per record. */
    public static final int PIXELS = CHANNELS * HEIGHT * WIDTH;
    /** Bytes per record: one label byte, then the pixels. */
    public static final int RECORD = 1 + PIXELS;
    /** Number of classes; labels are 0..9. */
    public static final int CLASSES = 10;

    private Cifar10Reader() {
    }

    /**
     * Reads batch files into one set, in the order given.
     *
     * @param batchFiles one or more batch files, e.g. {@code data_batch_1.bin} to {@code _5.bin}
     * @return their images (3x32x32) and labels, described by the files' names
     * @throws DataFormatException      if a file is not a whole number of records or holds a label
     *                                  outside 0..9
     * @throws UncheckedIOException     if a file cannot be read
     * @throws IllegalArgumentException if the list is empty
     */
    public static ImageSet read(List<Path> batchFiles) {
        if (batchFiles.isEmpty()) {
            throw new IllegalArgumentException("no CIFAR-10 batch files given");
        }
        // Sizes first, so a wrong file fails before anything big is allocated or read.
        long[] records = new long[batchFiles.size()];
        long total = 0;
        for (int f = 0; f < batchFiles.size(); f++) {
            records[f] = checkLength(batchFiles.get(f));
            total += records[f];
        }
        if (total * PIXELS > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(total + " CIFAR-10 images are more than one Java array"
                    + " holds (" + ((Integer.MAX_VALUE - 8) / PIXELS) + " at most)");
        }
        byte[] pixels = new byte[(int) total * PIXELS];
        int[] labels = new int[(int) total];
        int image = 0;
        for (int f = 0; f < batchFiles.size(); f++) {
            readRecords(batchFiles.get(f), (int) records[f], pixels, labels, image);
            image += (int) records[f];
        }
        return new ImageSet(pixels, labels, 0, (int) total, CHANNELS, HEIGHT, WIDTH, names(batchFiles));
    }

    /** @return the number of records, after checking the file is a whole, non-zero number of them */
    private static long checkLength(Path file) {
        long length;
        byte[] start = new byte[2];
        int startLength;
        try (InputStream in = Files.newInputStream(file)) {
            length = Files.size(file);
            startLength = in.readNBytes(start, 0, 2);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
        if (startLength == 2 && (start[0] & 0xFF) == 0x1f && (start[1] & 0xFF) == 0x8b) {
            throw new DataFormatException(file, 0, "is gzip-compressed (1f 8b at byte 0), expected a"
                    + " raw CIFAR-10 batch file; extract cifar-10-binary.tar.gz and pass"
                    + " cifar-10-batches-bin/data_batch_N.bin, or let DataLocator extract it");
        }
        if (length == 0) {
            throw new DataFormatException(file, 0, "is empty, expected records of " + RECORD
                    + " bytes (1 label + " + PIXELS + " pixels)");
        }
        long remainder = length % RECORD;
        if (remainder != 0) {
            long lastStart = length - remainder;
            throw new DataFormatException(file, lastStart, "is " + length + " bytes, not a multiple of"
                    + " the " + RECORD + "-byte record (1 label + " + PIXELS + " pixels); last record"
                    + " starts at byte " + lastStart + " and has only " + remainder + " of its "
                    + RECORD + " bytes (" + (length / RECORD) + " whole records before it)");
        }
        return length / RECORD;
    }

    private static void readRecords(Path file, int count, byte[] pixels, int[] labels, int firstImage) {
        long expected = (long) count * RECORD;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (int r = 0; r < count; r++) {
                long recordStart = (long) r * RECORD;
                int label = in.read();
                if (label < 0) {
                    throw shortRead(file, recordStart, expected);
                }
                if (label >= CLASSES) {
                    throw new DataFormatException(file, recordStart, "label " + label + " at byte "
                            + recordStart + " (record " + r + "), expected 0.." + (CLASSES - 1)
                            + "; CIFAR-100 files, whose records have 2 label bytes (3074 bytes),"
                            + " are not CIFAR-10");
                }
                labels[firstImage + r] = label;
                int n = in.readNBytes(pixels, (firstImage + r) * PIXELS, PIXELS);
                if (n < PIXELS) {
                    throw shortRead(file, recordStart + 1 + n, expected);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
    }

    /** The file shrank between measuring and reading it. */
    private static DataFormatException shortRead(Path file, long at, long expected) {
        return new DataFormatException(file, at, "file ends at byte " + at + ", expected " + expected
                + " bytes (" + (expected / RECORD) + " records of " + RECORD + "); was it changed"
                + " while being read?");
    }

    private static String names(List<Path> files) {
        StringBuilder s = new StringBuilder();
        for (Path f : files) {
            s.append(s.length() == 0 ? "" : ", ").append(f.getFileName());
        }
        return s.toString();
    }
}
