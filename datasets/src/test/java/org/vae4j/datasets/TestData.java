package org.vae4j.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes small data files in the real formats, so tests need no downloads. */
final class TestData {
    private TestData() {
    }

    /** The pixel value of pixel {@code i} of image {@code n}: distinct enough to catch mix-ups. */
    static int pixel(int n, int i) {
        return (n * 37 + i * 11) & 0xFF;
    }

    static byte[] idxImages(int count, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
        b.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols);
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < rows * cols; i++) {
                b.put((byte) pixel(n, i));
            }
        }
        return b.array();
    }

    static byte[] idxLabels(int count) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(IdxReader.LABELS_MAGIC).putInt(count);
        for (int n = 0; n < count; n++) {
            b.put((byte) (n % 10));
        }
        return b.array();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] data) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the four gzipped IDX files of a tiny data set (5 train, 3 test images of 4x3). */
    static Path idxDataset(Path dir) {
        write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idxImages(5, 4, 3)));
        write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(idxLabels(5)));
        write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(idxImages(3, 4, 3)));
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(idxLabels(3)));
        return dir;
    }

    /** A CIFAR-10 record: label, then R, G, B planes whose values encode (image, channel, pixel). */
    static byte[] cifarRecords(int first, int count) {
        ByteBuffer b = ByteBuffer.allocate(count * Cifar10Reader.RECORD);
        for (int n = first; n < first + count; n++) {
            b.put((byte) (n % 10));
            for (int i = 0; i < Cifar10Reader.PIXELS; i++) {
                b.put((byte) pixel(n, i));
            }
        }
        return b.array();
    }

    /** Writes data_batch_1..5 (2 images each) and test_batch (3 images) into {@code dir}. */
    static Path cifarBatches(Path dir) {
        for (int f = 1; f <= 5; f++) {
            write(dir.resolve("data_batch_" + f + ".bin"), cifarRecords((f - 1) * 2, 2));
        }
        write(dir.resolve("test_batch.bin"), cifarRecords(100, 3));
        return dir;
    }

    /** A tar.gz of the given members (name to content), like cifar-10-binary.tar.gz. */
    static byte[] tarGz(Map<String, byte[]> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            for (var m : members.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(m.getKey());
                e.setSize(m.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(m.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A cifar-10-binary.tar.gz holding the batches of {@link #cifarBatches(Path)}. */
    static byte[] cifarArchive() {
        var members = new java.util.LinkedHashMap<String, byte[]>();
        members.put("cifar-10-batches-bin/batches.meta.txt", "airplane\n".getBytes());
        for (int f = 1; f <= 5; f++) {
            members.put("cifar-10-batches-bin/data_batch_" + f + ".bin", cifarRecords((f - 1) * 2, 2));
        }
        members.put("cifar-10-batches-bin/test_batch.bin", cifarRecords(100, 3));
        return tarGz(members);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
