package org.vae4j.engine.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads and writes named arrays as an NPZ file: a zip archive with one {@link Npy} entry
 * {@code <key>.npy} per array, which is what {@code numpy.savez} writes and {@code numpy.load}
 * reads ({@code numpy.load(path)[key]}).
 *
 * <p>Entries are stored uncompressed, as {@code numpy.savez} does, in the map's iteration order,
 * with a fixed timestamp so that the same arrays always give the same bytes. Keys may contain dots
 * and slashes ({@code encoder.0.weight}, {@code decoder/bias}).
 */
public final class Npz {
    private static final String SUFFIX = ".npy";
    /** The earliest time a zip can record; fixed so files are reproducible. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() {
    }

    /**
     * Atomically writes {@code arrays} to {@code file} (see {@link AtomicFiles}), replacing it.
     *
     * <p>Each array is encoded in memory before it is added, because an uncompressed zip entry
     * needs its size and checksum up front; so no single array may exceed 2 GB encoded.
     *
     * @param file   the file to write; its directory must exist
     * @param arrays the arrays by key, written in iteration order; the types {@link Npy} supports
     * @throws IllegalArgumentException if a key is null or empty, or an array's type is unsupported
     * @throws NullPointerException     if an array is null
     * @throws IOException              if the file system fails; the file is then unchanged
     */
    public static void write(Path file, Map<String, INDArray> arrays) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(arrays, "arrays");
        arrays.forEach((key, array) -> {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("array keys must be non-empty, got " + (key == null ? "null" : "''"));
            }
            Objects.requireNonNull(array, () -> "array '" + key + "' is null");
        });
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            EntryBuffer buffer = new EntryBuffer();
            for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
                buffer.reset();
                Npy.write(e.getValue(), buffer);
                ZipEntry entry = new ZipEntry(e.getKey() + SUFFIX);
                entry.setMethod(ZipEntry.STORED);
                entry.setTimeLocal(ENTRY_TIME);
                entry.setSize(buffer.size());
                entry.setCompressedSize(buffer.size());
                entry.setCrc(buffer.crc());
                zip.putNextEntry(entry);
                buffer.writeTo(zip);
                zip.closeEntry();
            }
            // finish, not close: AtomicFiles owns the stream and still has to fsync it
            zip.finish();
        });
    }

    /**
     * Reads every array in an NPZ file, such as one {@code numpy.savez} or
     * {@code numpy.savez_compressed} wrote.
     *
     * @param file the file
     * @return the arrays by key (the entry name without {@code .npy}), in the order of the file
     * @throws IOException naming the file, and the entry if one is at fault, if the file is not a
     *                     zip, an entry is not an NPY array or fails to read (see
     *                     {@link Npy#read}), its checksum does not match, or a key repeats
     */
    public static Map<String, INDArray> read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Reads some of the arrays in an NPZ file, skipping the others unread (a data set's test
     * split without its training images).
     *
     * @param file the file
     * @param keys the keys to read; {@code null} for all
     * @return those of the keys the file holds, in the order of the file
     * @throws IOException as {@link #read(Path)}, for the entries read
     */
    public static Map<String, INDArray> read(Path file, Set<String> keys) throws IOException {
        Objects.requireNonNull(file, "file");
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new IOException(file + ": not a zip archive (" + e.getMessage() + ")", e);
        }
        try (zip) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.endsWith(SUFFIX) || name.length() == SUFFIX.length()) {
                    throw new IOException(file + ": entry '" + name + "' is not a <key>" + SUFFIX + " array");
                }
                String key = name.substring(0, name.length() - SUFFIX.length());
                if (keys != null && !keys.contains(key)) {
                    continue;
                }
                INDArray array = readEntry(file, zip, entry, key);
                if (arrays.putIfAbsent(key, array) != null) {
                    throw new IOException(file + ": entry '" + key + "' occurs twice");
                }
            }
        }
        return arrays;
    }

    private static INDArray readEntry(Path file, ZipFile zip, ZipEntry entry, String key) throws IOException {
        try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(entry), new CRC32())) {
            INDArray array = Npy.read(in, key);
            // the checksum covers the whole entry, so read past any bytes numpy would ignore
            in.transferTo(OutputStream.nullOutputStream());
            if (entry.getCrc() != -1 && in.getChecksum().getValue() != entry.getCrc()) {
                throw new IOException("entry '" + key + "': checksum mismatch, the file is corrupt");
            }
            return array;
        } catch (IOException e) {
            String message = e.getMessage() != null && e.getMessage().startsWith("entry '") ? e.getMessage()
                    : "entry '" + key + "': " + e.getMessage();
            throw new IOException(file + ": " + message, e);
        }
    }

    /** A byte array stream that hands out its contents and their checksum without copying them. */
    private static final class EntryBuffer extends ByteArrayOutputStream {
        long crc() {
            CRC32 crc = new CRC32();
            crc.update(buf, 0, count);
            return crc.getValue();
        }
    }
}
