package org.vae4j.datasets;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A data file opened for sequential reading, gzip-compressed or raw (told apart by the gzip magic
 * bytes 1f 8b, not by the name), that knows its position so every error can say where it is.
 * Positions count decompressed bytes for gzip files.
 */
final class ByteInput implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final boolean gzip;
    private final InputStream in;
    private long position;

    private ByteInput(Path file, boolean gzip, InputStream in) {
        this.file = file;
        this.gzip = gzip;
        this.in = in;
    }

    /**
     * @param file the file
     * @return it, opened at byte 0
     * @throws UncheckedIOException if it cannot be opened, naming it
     */
    static ByteInput open(Path file) {
        InputStream raw = null;
        try {
            raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw, BUFFER) : raw;
            return new ByteInput(file, gzip, in);
        } catch (ZipException | EOFException e) {
            closeQuietly(raw);
            throw new DataFormatException(file, 0, "starts like gzip (1f 8b at byte 0) but its gzip"
                    + " header is " + (e instanceof EOFException ? "cut short" : "corrupt: " + e.getMessage()), e);
        } catch (IOException e) {
            closeQuietly(raw);
            throw new UncheckedIOException("cannot read " + file + ": " + describe(e), e);
        }
    }

    /** @return whether the file is gzip-compressed */
    boolean gzip() {
        return gzip;
    }

    /** @return the file */
    Path file() {
        return file;
    }

    /** @return the number of (decompressed) bytes read so far */
    long position() {
        return position;
    }

    /**
     * Names a position the way the user can find it: in the file, or in its decompressed stream.
     *
     * @param offset the byte offset
     * @return e.g. "byte 16" or "decompressed byte offset 16"
     */
    String at(long offset) {
        return (gzip ? "decompressed byte offset " : "byte ") + offset;
    }

    /**
     * Reads exactly {@code len} bytes.
     *
     * @param dst         where to
     * @param off         offset in {@code dst}
     * @param len         how many
     * @param total       the size the whole (decompressed) file should have
     * @param totalReason what {@code total} is made of, e.g. "16-byte header + 60000 images of 28x28"
     * @throws DataFormatException if the file ends early, saying where and what was expected
     */
    void readFully(byte[] dst, int off, int len, long total, String totalReason) {
        int done = 0;
        while (done < len) {
            int n;
            try {
                n = in.read(dst, off + done, len - done);
            } catch (IOException e) {
                throw failure(e, total, totalReason);
            }
            if (n < 0) {
                throw new DataFormatException(file, position, "file ends at " + at(position)
                        + ", expected " + total + " bytes (" + totalReason + ")");
            }
            done += n;
            position += n;
        }
    }

    /**
     * Reads a big-endian 32-bit integer.
     *
     * @see #readFully(byte[], int, int, long, String)
     */
    int readInt(long total, String totalReason) {
        byte[] b = new byte[4];
        readFully(b, 0, 4, total, totalReason);
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    /**
     * Checks that nothing follows the declared data. For gzip files this also reads the gzip
     * trailer, so a CRC mismatch is reported here.
     *
     * @param declared what the header declared, for the message
     * @throws DataFormatException if more bytes follow
     */
    void expectEnd(String declared) {
        long end = position;
        long extra = 0;
        byte[] sink = new byte[BUFFER];
        try {
            for (int n; (n = in.read(sink)) >= 0; ) {
                extra += n;
            }
        } catch (IOException e) {
            throw failure(e, end, declared);
        }
        if (extra > 0) {
            throw new DataFormatException(file, end, "trailing data: " + extra + " more byte"
                    + (extra == 1 ? "" : "s") + " at " + at(end) + ", after the " + declared
                    + " the header declares");
        }
    }

    private RuntimeException failure(IOException e, long total, String totalReason) {
        if (gzip && e instanceof EOFException) {
            return new DataFormatException(file, position, "gzip data is truncated: it ends at "
                    + at(position) + ", expected " + total + " bytes (" + totalReason + ")", e);
        }
        if (gzip && e instanceof ZipException) {
            return new DataFormatException(file, position, "gzip data is corrupt near " + at(position)
                    + " (" + e.getMessage() + "); the file is damaged, download it again", e);
        }
        return new UncheckedIOException("cannot read " + file + " at " + at(position) + ": "
                + describe(e), e);
    }

    @Override
    public void close() {
        closeQuietly(in);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }

    private static void closeQuietly(InputStream s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // reading is over; a failed close loses nothing
            }
        }
    }
}
