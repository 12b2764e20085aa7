package org.vae4j.datasets;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the IDX format of MNIST, Fashion-MNIST and KMNIST: an images file and a labels file, each
 * gzip-compressed or raw (told apart by the gzip magic bytes, not by the name).
 *
 * <p>An IDX file starts with a big-endian magic number {@code 00 00 TT DD} (TT the element type,
 * 08 for unsigned bytes; DD the number of dimensions), then DD big-endian 32-bit sizes, then the
 * elements. Images files are {@code 0x00000803} (count, rows, columns), labels files
 * {@code 0x00000801} (count). Everything is checked: magic, type, dimension count, sizes, that the
 * file holds exactly the declared bytes (no fewer, no more), and that both files agree on the
 * count. Labels are taken as they are (0..255); MNIST-family data sets use 0..9.
 *
 * @see <a href="http://yann.lecun.com/exdb/mnist/">the IDX format, described with MNIST</a>
 */
public final class IdxReader {
    /** Magic number of an IDX file of unsigned bytes with 3 dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension. */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;
    /** Java arrays hold a little less than 2^31 elements on common JVMs. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private IdxReader() {
    }

    /**
     * Reads an images file and its labels file into one set.
     *
     * @param images the images file ({@code ...-images-idx3-ubyte[.gz]})
     * @param labels the labels file ({@code ...-labels-idx1-ubyte[.gz]})
     * @return the images (1 channel) with their labels, described by the images file's name
     * @throws DataFormatException  if either file is not what its header or format says, or they
     *                              disagree on the number of images
     * @throws UncheckedIOException if a file cannot be read
     */
    public static ImageSet read(Path images, Path labels) {
        // Both headers first: a mismatched pair fails before 47 MB are decompressed.
        try (ByteInput imageIn = ByteInput.open(images); ByteInput labelIn = ByteInput.open(labels)) {
            ImagesHeader header = readImagesHeader(imageIn);
            int labelCount = readLabelsHeader(labelIn);
            if (labelCount != header.count) {
                throw new DataFormatException(labels, 4, "labels file has " + labelCount
                        + " labels (declared at " + labelIn.at(4) + "), images file " + images
                        + " has " + header.count + " images; they must come in pairs");
            }
            byte[] pixels = new byte[header.count * header.rows * header.columns];
            imageIn.readFully(pixels, 0, pixels.length, header.total(), header.totalReason());
            imageIn.expectEnd(header.totalReason() + " = " + header.total() + " bytes");
            int[] labelValues = readLabelsBody(labelIn, labelCount);
            return new ImageSet(pixels, labelValues, 0, header.count, 1, header.rows, header.columns,
                    String.valueOf(images.getFileName()));
        }
    }

    /**
     * Checks that every label names one of a data set's classes.
     *
     * @param labels  the labels file, for the message
     * @param values  its labels
     * @param classes the data set's number of classes
     * @throws DataFormatException naming the first label out of range and its byte offset
     */
    public static void requireLabelsBelow(Path labels, int[] values, int classes) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= classes) {
                throw new DataFormatException(labels, LABELS_HEADER + i, "label " + values[i] + " of image " + i
                        + " (byte " + (LABELS_HEADER + i) + ") is outside 0.." + (classes - 1) + ", the " + classes
                        + " classes of this data set");
            }
        }
    }

    /**
     * Reads a labels file on its own.
     *
     * @param labels the labels file ({@code ...-labels-idx1-ubyte[.gz]})
     * @return the labels, 0..255
     * @throws DataFormatException  if the file is not an IDX labels file or its length is wrong
     * @throws UncheckedIOException if it cannot be read
     */
    public static int[] readLabels(Path labels) {
        try (ByteInput in = ByteInput.open(labels)) {
            return readLabelsBody(in, readLabelsHeader(in));
        }
    }

    private static ImagesHeader readImagesHeader(ByteInput in) {
        String headerOnly = "the 16-byte header of an IDX images file";
        checkMagic(in, in.readInt(IMAGES_HEADER, headerOnly), IMAGES_MAGIC, "images",
                "count, rows, columns");
        int count = in.readInt(IMAGES_HEADER, headerOnly);
        int rows = in.readInt(IMAGES_HEADER, headerOnly);
        int columns = in.readInt(IMAGES_HEADER, headerOnly);
        if (count < 0) {
            throw new DataFormatException(in.file(), 4, "image count " + Integer.toUnsignedString(count)
                    + " at " + in.at(4) + " is too large (must be below 2^31)");
        }
        if (rows < 1 || columns < 1) {
            throw new DataFormatException(in.file(), rows < 1 ? 8 : 12, "image size "
                    + Integer.toUnsignedString(rows) + "x" + Integer.toUnsignedString(columns)
                    + " at " + in.at(rows < 1 ? 8 : 12) + " is not a positive size below 2^31");
        }
        long bytes = (long) count * rows * columns;
        if (bytes > MAX_ARRAY) {
            throw new DataFormatException(in.file(), 4, count + " images of " + rows + "x" + columns
                    + " (declared at " + in.at(4) + ") are " + bytes
                    + " bytes, more than one Java array holds (2^31 - 9)");
        }
        return new ImagesHeader(count, rows, columns);
    }

    private static int readLabelsHeader(ByteInput in) {
        String headerOnly = "the 8-byte header of an IDX labels file";
        checkMagic(in, in.readInt(LABELS_HEADER, headerOnly), LABELS_MAGIC, "labels", "count");
        int count = in.readInt(LABELS_HEADER, headerOnly);
        if (count < 0) {
            throw new DataFormatException(in.file(), 4, "label count " + Integer.toUnsignedString(count)
                    + " at " + in.at(4) + " is too large (must be below 2^31)");
        }
        return count;
    }

    private static int[] readLabelsBody(ByteInput in, int count) {
        String reason = "8-byte header + " + count + " labels";
        byte[] raw = new byte[count];
        in.readFully(raw, 0, count, LABELS_HEADER + (long) count, reason);
        in.expectEnd(reason + " = " + (LABELS_HEADER + (long) count) + " bytes");
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = raw[i] & 0xFF;
        }
        return labels;
    }

    /** Says which part of the magic number is wrong, since each part has a different cause. */
    private static void checkMagic(ByteInput in, int magic, int expected, String kind, String sizes) {
        if (magic == expected) {
            return;
        }
        int type = (magic >>> 8) & 0xFF;
        int dims = magic & 0xFF;
        String expectedText = String.format(Locale.ROOT, "0x%08X (IDX %s)", expected, kind);
        if ((magic >>> 16) != 0) {
            throw new DataFormatException(in.file(), 0, String.format(Locale.ROOT,
                    "bad magic number 0x%08X at %s, expected %s; this is not an IDX file%s",
                    magic, in.at(0), expectedText, badMagicHint(in, magic)));
        }
        if (type != 0x08) {
            throw new DataFormatException(in.file(), 2, String.format(Locale.ROOT,
                    "IDX element type 0x%02X (%s) at %s, expected 0x08 (unsigned byte) for %s",
                    type, typeName(type), in.at(2), expectedText));
        }
        int expectedDims = expected & 0xFF;
        String hint = "";
        if (dims == (IMAGES_MAGIC & 0xFF) || dims == (LABELS_MAGIC & 0xFF)) {
            hint = "; this looks like an IDX " + (dims == 3 ? "images" : "labels")
                    + " file: are the images and labels files swapped?";
        }
        throw new DataFormatException(in.file(), 3, String.format(Locale.ROOT,
                "wrong dimension count %d at %s (magic number 0x%08X), expected %d (%s) for %s%s",
                dims, in.at(3), magic, expectedDims, sizes, expectedText, hint));
    }

    private static String badMagicHint(ByteInput in, int magic) {
        String name = String.valueOf(in.file().getFileName());
        if (!in.gzip() && name.endsWith(".gz")) {
            return " (its name ends in .gz but it is not gzip-compressed: no 1f 8b at byte 0)";
        }
        if (Integer.reverseBytes(magic) >>> 16 == 0) {
            return " (the bytes are in little-endian order; IDX is big-endian)";
        }
        return "";
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "unknown";
        };
    }

    /** The parsed header of an images file. */
    private record ImagesHeader(int count, int rows, int columns) {
        long total() {
            return IMAGES_HEADER + (long) count * rows * columns;
        }

        String totalReason() {
            return IMAGES_HEADER + "-byte header + " + count + " images of " + rows + "x" + columns;
        }
    }
}
