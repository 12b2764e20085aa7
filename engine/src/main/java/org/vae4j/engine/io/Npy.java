package org.vae4j.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Reads and writes one array in NumPy's NPY format, so {@code numpy.load} reads what vae4j
 * writes and vae4j reads what {@code numpy.save} writes.
 *
 * <p>The format (<a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">
 * numpy.lib.format</a>) is: the magic {@code \x93NUMPY}; the version bytes {@code 1 0}; the header
 * length as a little-endian {@code uint16}; the header, a Python dictionary literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }} padded with spaces and a
 * final {@code \n} so that the preamble is a multiple of 64 bytes long; then the elements in
 * little-endian byte order.
 *
 * <p>Supported element types are FLOAT ({@code <f4}), DOUBLE ({@code <f8}), INT32 ({@code <i4}),
 * INT64 ({@code <i8}) and UINT8 ({@code |u1}). Writing always uses version 1.0 and C order and
 * produces the same bytes as {@code numpy.save}; reading accepts versions 1.0 and 2.0 (which
 * differs only in a 4-byte header length) and both C and Fortran order, and always returns a new
 * C-ordered array.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;
    /** Spare header room numpy.save leaves so the first dimension can grow in place; copied for byte-identical files. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** Elements are converted through a buffer of this many bytes rather than all at once. */
    private static final int CHUNK_BYTES = 1 << 16;
    /** The largest Java array, which bounds the elements of one array read. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private Npy() {
    }

    /**
     * Writes {@code a} as an NPY version 1.0 array in C order; views and non-C-ordered arrays are
     * copied to C order first. The stream is neither buffered nor closed here.
     *
     * @param a   the array, of type FLOAT, DOUBLE, INT32, INT64 or UINT8
     * @param out where the bytes go
     * @throws IllegalArgumentException if the array's type is not one of those
     * @throws IOException              if the stream fails
     */
    public static void write(INDArray a, OutputStream out) throws IOException {
        Objects.requireNonNull(a, "array");
        Objects.requireNonNull(out, "out");
        NpyDtype type = NpyDtype.forDataType(a.dataType()).orElseThrow(() -> new IllegalArgumentException(
                "cannot write a " + a.dataType() + " array as NPY; supported: FLOAT, DOUBLE, INT32, INT64, UINT8"));
        if (a.length() > MAX_ELEMENTS) {
            throw new IllegalArgumentException("cannot write " + a.length() + " elements, more than one Java array holds");
        }
        long[] shape = a.shape();
        out.write(preamble(new NpyHeader(type.descr(), false, shape)));
        int count = (int) a.length();
        if (count == 0) {
            return;
        }
        Object elements = type.elements(ownsCBuffer(a) ? a : a.dup('c'));
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = CHUNK_BYTES / type.itemSize();
        for (int from = 0; from < count; from += perChunk) {
            int n = Math.min(perChunk, count - from);
            chunk.clear();
            type.encode(elements, from, n, chunk);
            out.write(chunk.array(), 0, n * type.itemSize());
        }
    }

    /**
     * Reads one NPY array, consuming exactly its bytes from the stream, which is not closed.
     *
     * @param in             where the bytes come from
     * @param nameForErrors  what to call the array in error messages, e.g. the npz entry's key
     * @return a new C-ordered array of the stored type and shape
     * @throws IOException naming {@code nameForErrors} and the byte offset, if the magic, version or
     *                     header is malformed, the type is unsupported, or the data is cut short;
     *                     or if the stream fails
     */
    public static INDArray read(InputStream in, String nameForErrors) throws IOException {
        Objects.requireNonNull(in, "in");
        String entry = "entry '" + Objects.requireNonNull(nameForErrors, "nameForErrors") + "': ";

        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException(entry + "bad magic at byte 0: expected " + escape(MAGIC)
                    + ", found " + escape(magic) + " (not an NPY array)");
        }
        byte[] version = readFully(in, 2, MAGIC.length, entry + "version");
        int major = version[0] & 0xFF;
        int minor = version[1] & 0xFF;
        if ((major != 1 && major != 2) || minor != 0) {
            throw new IOException(entry + "unsupported NPY version " + major + "." + minor
                    + " at byte " + MAGIC.length + " (supported: 1.0, 2.0)");
        }
        int lengthSize = major == 1 ? 2 : 4;
        int lengthAt = MAGIC.length + 2;
        ByteBuffer lengthBytes = ByteBuffer.wrap(readFully(in, lengthSize, lengthAt, entry + "header length"))
                .order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? Short.toUnsignedInt(lengthBytes.getShort())
                : Integer.toUnsignedLong(lengthBytes.getInt());
        int headerAt = lengthAt + lengthSize;
        if (headerLength > Integer.MAX_VALUE - headerAt) {
            throw new IOException(entry + "header length " + headerLength + " at byte " + lengthAt + " is too large");
        }
        String text = new String(readFully(in, (int) headerLength, headerAt, entry + "header"),
                StandardCharsets.ISO_8859_1);

        NpyHeader header;
        try {
            header = NpyHeader.parse(text);
        } catch (ParseException e) {
            throw new IOException(entry + "unparseable header at byte " + (headerAt + e.getErrorOffset()) + ": "
                    + e.getMessage() + " in " + abbreviate(text.strip()), e);
        }
        NpyDtype type = NpyDtype.forDescr(header.descr()).orElseThrow(() -> new IOException(
                entry + "unsupported dtype '" + header.descr() + "' in header at byte " + headerAt
                        + " (supported: " + NpyDtype.supportedDescrs() + ")"));
        long[] shape = header.shape();
        long count = elementCount(shape);
        if (count > MAX_ELEMENTS) {
            throw new IOException(entry + "shape " + describe(shape) + " in header at byte " + headerAt
                    + " has " + count + " elements, more than one Java array holds");
        }

        long dataAt = headerAt + headerLength;
        Object elements = readElements(in, type, (int) count, dataAt, entry);
        if (!header.fortranOrder() || shape.length < 2) {
            return type.create(elements, shape);
        }
        // Fortran-order data for shape (a, b, c) is C-order data for shape (c, b, a)
        int rank = shape.length;
        long[] reversed = new long[rank];
        int[] axes = new int[rank];
        for (int i = 0; i < rank; i++) {
            reversed[i] = shape[rank - 1 - i];
            axes[i] = rank - 1 - i;
        }
        return type.create(elements, reversed).permute(axes).dup('c');
    }

    /** The magic, version, header length and padded header of a version 1.0 file, as numpy.save writes them. */
    static byte[] preamble(NpyHeader header) {
        String dict = header.toPythonLiteral();
        long[] shape = header.shape();
        if (shape.length > 0) {
            long growing = shape[header.fortranOrder() ? shape.length - 1 : 0];
            dict += " ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(growing).length());
        }
        int prefix = MAGIC.length + 2 + 2;
        int withNewline = dict.length() + 1;
        // like numpy, a header that already ends on the boundary gets a further 64 spaces
        int padding = ALIGNMENT - (prefix + withNewline) % ALIGNMENT;
        int headerLength = withNewline + padding;
        if (headerLength > 0xFFFF) {
            throw new IllegalArgumentException("NPY 1.0 header too long for shape " + describe(shape));
        }
        ByteBuffer b = ByteBuffer.allocate(prefix + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerLength);
        b.put(dict.getBytes(StandardCharsets.ISO_8859_1));
        b.put(" ".repeat(padding).getBytes(StandardCharsets.ISO_8859_1)).put((byte) '\n');
        return b.array();
    }

    private static Object readElements(InputStream in, NpyDtype type, int count, long dataAt, String entry)
            throws IOException {
        Object elements = type.allocate(count);
        long expectedEnd = dataAt + (long) count * type.itemSize();
        byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, (long) count * type.itemSize())];
        int perChunk = CHUNK_BYTES / type.itemSize();
        long at = dataAt;
        for (int from = 0; from < count; from += perChunk) {
            int n = Math.min(perChunk, count - from);
            int got = in.readNBytes(chunk, 0, n * type.itemSize());
            at += got;
            if (got < n * type.itemSize()) {
                throw new IOException(entry + "data ends at byte " + at + ", expected " + expectedEnd);
            }
            type.decode(ByteBuffer.wrap(chunk, 0, got).order(ByteOrder.LITTLE_ENDIAN), elements, from, n);
        }
        return elements;
    }

    private static byte[] readFully(InputStream in, int length, long at, String what) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new IOException(what + " ends at byte " + (at + bytes.length) + ", expected " + (at + length));
        }
        return bytes;
    }

    /** Whether the elements of {@code a} are exactly its buffer, in C order, so no copy is needed. */
    private static boolean ownsCBuffer(INDArray a) {
        return a.ordering() == 'c' && !a.isView() && a.offset() == 0 && Shape.hasDefaultStridesForShape(a)
                && a.data().length() == a.length();
    }

    private static long elementCount(long[] shape) {
        if (LongStream.of(shape).anyMatch(d -> d == 0)) {
            return 0;
        }
        long count = 1;
        for (long d : shape) {
            if (count > Long.MAX_VALUE / d) {
                return Long.MAX_VALUE;
            }
            count *= d;
        }
        return count;
    }

    private static String describe(long[] shape) {
        return LongStream.of(shape).mapToObj(Long::toString)
                .collect(Collectors.joining(", ", "(", shape.length == 1 ? ",)" : ")"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** Bytes in Python's {@code b'...'} notation, readable in a message whatever they are. */
    private static String escape(byte[] bytes) {
        StringBuilder s = new StringBuilder("b'");
        for (byte b : bytes) {
            int c = b & 0xFF;
            s.append(c >= 0x20 && c < 0x7F && c != '\'' && c != '\\' ? String.valueOf((char) c)
                    : String.format("\\x%02x", c));
        }
        return s.append('\'').toString();
    }
}
