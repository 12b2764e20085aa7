package org.vae4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.datasets.TestData.gzip;
import static org.vae4j.datasets.TestData.idxImages;
import static org.vae4j.datasets.TestData.idxLabels;
import static org.vae4j.datasets.TestData.write;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
    @TempDir
    Path dir;

    private Path images(String name, byte[] data) {
        return write(dir.resolve(name), data);
    }

    private DataFormatException fails(Path images, Path labels) {
        return assertThrows(DataFormatException.class, () -> IdxReader.read(images, labels));
    }

    private static void assertMessage(DataFormatException e, Path file, long offset, String... parts) {
        assertEquals(file, e.file());
        assertEquals(offset, e.offset());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "expected \"" + p + "\" in: " + e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsRawAndGzipFilesAlike(boolean gz) {
        byte[] img = idxImages(5, 4, 3);
        byte[] lab = idxLabels(5);
        ImageSet set = IdxReader.read(images("i", gz ? gzip(img) : img), images("l", gz ? gzip(lab) : lab));
        assertEquals(5, set.size());
        assertEquals(1, set.channels());
        assertEquals(4, set.height());
        assertEquals(3, set.width());
        assertEquals(12, set.dimensions());
        assertArrayEquals(new long[] {1, 4, 3}, set.shape());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, set.labels());
        for (int n = 0; n < 5; n++) {
            for (int i = 0; i < 12; i++) {
                assertEquals(TestData.pixel(n, i), set.pixel(n, i));
            }
        }
        assertEquals("i", set.description());
    }

    @Test
    void detectsGzipByContentNotByName() {
        Path rawNamedGz = images("a-images.gz", idxImages(2, 2, 2));
        Path gzNamedRaw = images("a-labels", gzip(idxLabels(2)));
        ImageSet set = IdxReader.read(rawNamedGz, gzNamedRaw);
        assertEquals(2, set.size());
        assertEquals(TestData.pixel(1, 3), set.pixel(1, 3));
    }

    @Test
    void keepsFullByteRangeOfPixelsAndLabels() {
        byte[] img = idxImages(1, 1, 2);
        img[16] = (byte) 255;
        img[17] = (byte) 128;
        byte[] lab = idxLabels(1);
        lab[8] = (byte) 200;
        ImageSet set = IdxReader.read(images("i", img), images("l", lab));
        assertEquals(255, set.pixel(0, 0));
        assertEquals(128, set.pixel(0, 1));
        assertEquals(200, set.label(0));
    }

    @Test
    void readsAnEmptySet() {
        ImageSet set = IdxReader.read(images("i", idxImages(0, 28, 28)), images("l", idxLabels(0)));
        assertEquals(0, set.size());
        assertEquals(784, set.dimensions());
    }

    @Test
    void badMagicNamesFileOffsetAndExpectation() {
        byte[] img = idxImages(2, 2, 2);
        ByteBuffer.wrap(img).putInt(0x12345678);
        Path raw = images("train-images-idx3-ubyte", img);
        assertMessage(fails(raw, images("l", idxLabels(2))), raw, 0,
                "bad magic number 0x12345678 at byte 0, expected 0x00000803 (IDX images)");

        Path gz = images("train-images-idx3-ubyte.gz", gzip(img));
        assertMessage(fails(gz, images("l", idxLabels(2))), gz, 0,
                "bad magic number 0x12345678 at decompressed byte offset 0, expected 0x00000803");
    }

    @Test
    void badMagicSaysWhenAGzNameHidesRawContent() {
        byte[] img = idxImages(2, 2, 2);
        ByteBuffer.wrap(img).putInt(0x3c68746d); // "<htm": an error page saved under the data's name
        Path f = images("train-images-idx3-ubyte.gz", img);
        assertMessage(fails(f, images("l", idxLabels(2))), f, 0, "bad magic number 0x3C68746D at byte 0",
                "its name ends in .gz but it is not gzip-compressed");
    }

    @Test
    void badMagicRecognisesLittleEndian() {
        byte[] img = idxImages(2, 2, 2);
        ByteBuffer.wrap(img).putInt(Integer.reverseBytes(IdxReader.IMAGES_MAGIC));
        Path f = images("i", img);
        assertMessage(fails(f, images("l", idxLabels(2))), f, 0, "bad magic number 0x03080000",
                "little-endian");
    }

    @Test
    void wrongDimensionCountSuggestsSwappedFiles() {
        Path labels = images("train-labels-idx1-ubyte.gz", gzip(idxLabels(2)));
        Path imgs = images("train-images-idx3-ubyte.gz", gzip(idxImages(2, 2, 2)));
        assertMessage(fails(labels, imgs), labels, 3,
                "wrong dimension count 1 at decompressed byte offset 3 (magic number 0x00000801),"
                        + " expected 3 (count, rows, columns) for 0x00000803 (IDX images)",
                "are the images and labels files swapped?");
    }

    @Test
    void wrongDimensionCountInLabels() {
        byte[] lab = idxLabels(2);
        ByteBuffer.wrap(lab).putInt(0x00000802);
        Path l = images("l", lab);
        assertMessage(fails(images("i", idxImages(2, 2, 2)), l), l, 3,
                "wrong dimension count 2 at byte 3", "expected 1 (count) for 0x00000801 (IDX labels)");
    }

    @Test
    void wrongElementType() {
        byte[] img = idxImages(2, 2, 2);
        ByteBuffer.wrap(img).putInt(0x00000D03);
        Path f = images("i", img);
        assertMessage(fails(f, images("l", idxLabels(2))), f, 2,
                "IDX element type 0x0D (float) at byte 2, expected 0x08 (unsigned byte)");
    }

    @Test
    void truncatedInHeader() {
        Path f = images("i", Arrays.copyOf(idxImages(3, 2, 2), 6));
        assertMessage(fails(f, images("l", idxLabels(3))), f, 6,
                "file ends at byte 6, expected 16 bytes (the 16-byte header of an IDX images file)");
    }

    @Test
    void emptyFile() {
        Path f = images("i", new byte[0]);
        assertMessage(fails(f, images("l", idxLabels(3))), f, 0, "file ends at byte 0, expected 16 bytes");
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 17, 20, 27})
    void truncatedInPixels(int length) {
        Path f = images("t10k-images-idx3-ubyte", Arrays.copyOf(idxImages(3, 2, 2), length));
        assertMessage(fails(f, images("l", idxLabels(3))), f, length, "file ends at byte " + length
                + ", expected 28 bytes (16-byte header + 3 images of 2x2)");
    }

    @Test
    void truncatedInPixelsOfGzipFileCountsDecompressedBytes() {
        Path f = images("i.gz", gzip(Arrays.copyOf(idxImages(3, 2, 2), 21)));
        assertMessage(fails(f, images("l", idxLabels(3))), f, 21,
                "file ends at decompressed byte offset 21, expected 28 bytes (16-byte header + 3 images of 2x2)");
    }

    @Test
    void truncatedLabels() {
        Path l = images("train-labels-idx1-ubyte", Arrays.copyOf(idxLabels(3), 10));
        assertMessage(fails(images("i", idxImages(3, 2, 2)), l), l, 10,
                "file ends at byte 10, expected 11 bytes (8-byte header + 3 labels)");
    }

    @Test
    void truncatedGzipStream() {
        byte[] gz = gzip(idxImages(50, 10, 10));
        Path f = images("i.gz", Arrays.copyOf(gz, gz.length / 2));
        DataFormatException e = fails(f, images("l", idxLabels(50)));
        assertEquals(f, e.file());
        assertTrue(e.getMessage().contains("gzip data is truncated: it ends at decompressed byte offset "
                + e.offset() + ", expected 5016 bytes (16-byte header + 50 images of 10x10)"), e.getMessage());
    }

    @Test
    void corruptGzipChecksumIsReported() {
        byte[] gz = gzip(idxImages(2, 2, 2));
        gz[gz.length - 8] ^= 0x55; // CRC-32 in the gzip trailer
        Path f = images("i.gz", gz);
        DataFormatException e = fails(f, images("l", idxLabels(2)));
        assertMessage(e, f, 24, "gzip data is corrupt near decompressed byte offset 24");
    }

    @Test
    void countMismatchNamesBothFiles() {
        Path imgs = images("train-images-idx3-ubyte.gz", gzip(idxImages(3, 2, 2)));
        Path labels = images("train-labels-idx1-ubyte.gz", gzip(idxLabels(2)));
        DataFormatException e = fails(imgs, labels);
        assertMessage(e, labels, 4, "labels file has 2 labels (declared at decompressed byte offset 4),"
                + " images file " + imgs + " has 3 images");
    }

    @Test
    void trailingBytesAfterImages() {
        Path f = images("i", TestData.concat(idxImages(3, 2, 2), new byte[] {1, 2, 3}));
        assertMessage(fails(f, images("l", idxLabels(3))), f, 28,
                "trailing data: 3 more bytes at byte 28, after the 16-byte header + 3 images of 2x2 = 28 bytes");
    }

    @Test
    void trailingBytesAfterGzippedLabels() {
        Path l = images("l.gz", gzip(TestData.concat(idxLabels(3), new byte[] {9})));
        assertMessage(fails(images("i", idxImages(3, 2, 2)), l), l, 11,
                "trailing data: 1 more byte at decompressed byte offset 11, after the 8-byte header + 3 labels");
    }

    @Test
    void zeroImageSize() {
        byte[] img = idxImages(0, 2, 2);
        ByteBuffer.wrap(img).putInt(8, 0);
        Path f = images("i", img);
        assertMessage(fails(f, images("l", idxLabels(0))), f, 8, "image size 0x2 at byte 8 is not a positive size");
    }

    @Test
    void hugeCountIsRejectedBeforeAllocating() {
        byte[] img = idxImages(0, 28, 28);
        ByteBuffer.wrap(img).putInt(4, 10_000_000);
        Path f = images("i", img);
        byte[] lab = idxLabels(0);
        ByteBuffer.wrap(lab).putInt(4, 10_000_000);
        assertMessage(fails(f, images("l", lab)), f, 4, "10000000 images of 28x28", "more than one Java array holds");
    }

    @Test
    void gzipHeaderCutShort() {
        Path f = images("i.gz", new byte[] {0x1f, (byte) 0x8b, 8});
        assertMessage(fails(f, images("l", idxLabels(1))), f, 0,
                "starts like gzip (1f 8b at byte 0) but its gzip header is cut short");
    }

    @Test
    void missingFileIsAnIoErrorNamingIt() {
        Path missing = dir.resolve("nope.gz");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> IdxReader.read(missing, images("l", idxLabels(1))));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void readsLabelsAlone() {
        assertArrayEquals(new int[] {0, 1, 2}, IdxReader.readLabels(images("l.gz", gzip(idxLabels(3)))));
    }
}
