package org.vae4j.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.engine.io.ArrayFixtures.assertSameArray;
import static org.vae4j.engine.io.ArrayFixtures.sample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class NpyTest {

    static Stream<Arguments> typesAndShapes() {
        DataType[] types = {DataType.FLOAT, DataType.DOUBLE, DataType.INT32, DataType.INT64, DataType.UINT8};
        long[][] shapes = {{}, {5}, {2, 3}, {2, 3, 4}, {1, 1}, {0, 3}};
        return Arrays.stream(types).flatMap(t -> Arrays.stream(shapes).map(s -> Arguments.of(t, s)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("typesAndShapes")
    void roundTripsEveryTypeAndShape(DataType type, long[] shape) throws IOException {
        INDArray a = sample(type, shape);
        byte[] bytes = write(a);

        INDArray back = Npy.read(new ByteArrayInputStream(bytes), "a");

        assertSameArray(a, back);
        assertEquals('c', back.ordering());
        int itemSize = type == DataType.UINT8 ? 1 : type == DataType.INT64 || type == DataType.DOUBLE ? 8 : 4;
        assertEquals(0, (bytes.length - a.length() * itemSize) % 64, "preamble is 64-byte aligned");
    }

    @Test
    void writesViewsAndFortranOrderArraysByTheirValues() throws IOException {
        INDArray base = sample(DataType.FLOAT, 3, 4);
        INDArray[] arrays = {
            base.get(NDArrayIndex.all(), NDArrayIndex.point(1)),            // a column: strided view
            base.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3)),      // a block: strided 2-D view
            base.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all()),      // rows: view with an offset
            base.transpose(),                                                // same buffer, 'f' strides
            sample(DataType.DOUBLE, 2, 3, 4).dup('f'),
            sample(DataType.INT64, 4, 3).dup('f'),
        };
        for (INDArray a : arrays) {
            INDArray back = Npy.read(new ByteArrayInputStream(write(a)), "view");
            assertSameArray(a, back);
            assertEquals('c', back.ordering());
        }
    }

    @Test
    void roundTripsAnArrayLargerThanOneConversionChunk() throws IOException {
        INDArray a = Nd4j.linspace(-1, 1, 100_000, DataType.DOUBLE).reshape(8, 12_500);  // 800 kB
        assertSameArray(a, Npy.read(new ByteArrayInputStream(write(a)), "big"));
    }

    @Test
    void readsExactlyItsOwnBytesFromASharedStream() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        INDArray first = sample(DataType.INT32, 2, 3);
        INDArray second = sample(DataType.UINT8, 4);
        Npy.write(first, out);
        Npy.write(second, out);
        InputStream in = new ByteArrayInputStream(out.toByteArray());

        assertSameArray(first, Npy.read(in, "first"));
        assertSameArray(second, Npy.read(in, "second"));
        assertEquals(-1, in.read());
    }

    @Test
    void writesTheExactBytesNumpySaveWritesForAFloat2x3() throws IOException {
        INDArray a = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, DataType.FLOAT);
        // preamble: 10 bytes of magic, version and length; a 59-character dict; numpy's 20 spare
        // spaces for the growing axis (21 - len("2")); 38 spaces of padding; "\n" -> 128 bytes
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        ByteBuffer expected = ByteBuffer.allocate(128 + 24).order(ByteOrder.LITTLE_ENDIAN);
        expected.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0});
        expected.put(ascii(dict + " ".repeat(58) + "\n"));
        expected.putFloat(1).putFloat(2).putFloat(3).putFloat(4).putFloat(5).putFloat(6);

        byte[] bytes = write(a);

        assertArrayEquals(expected.array(), bytes);
        assertEquals(0, 128 % 64);
        assertEquals('\n', bytes[127]);
    }

    @Test
    void writesNumpyHeadersForVectorsScalarsAndEmptyArrays() throws IOException {
        // each is the preamble numpy 1.24 writes for the same array, character for character
        assertEquals("{'descr': '<i8', 'fortran_order': False, 'shape': (5,), }" + " ".repeat(60) + "\n",
                headerText(write(sample(DataType.INT64, 5))));
        assertEquals("{'descr': '<f8', 'fortran_order': False, 'shape': (), }" + " ".repeat(62) + "\n",
                headerText(write(sample(DataType.DOUBLE))));
        assertEquals("{'descr': '|u1', 'fortran_order': False, 'shape': (0, 3), }" + " ".repeat(58) + "\n",
                headerText(write(sample(DataType.UINT8, 0, 3))));
        assertEquals("{'descr': '<i4', 'fortran_order': False, 'shape': (1, 2, 3), }" + " ".repeat(55) + "\n",
                headerText(write(sample(DataType.INT32, 1, 2, 3))));
    }

    @Test
    void padsAHeaderThatEndsOnTheBoundaryBy64MoreSpacesLikeNumpy() throws IOException {
        long[] shape = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 100};
        // 10 + 97-character dict + 20 spare + "\n" = 128 already, yet numpy pads a further 64
        byte[] bytes = write(sample(DataType.FLOAT, shape));

        assertEquals(192 + 400, bytes.length);
        assertEquals(182, (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': "
                + "(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 100), }" + " ".repeat(84) + "\n", headerText(bytes));
    }

    @Test
    void readsFortranOrderData() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : new int[] {1, 4, 2, 5, 3, 6}) {  // [[1, 2, 3], [4, 5, 6]] column by column
            data.putInt(v);
        }
        byte[] file = npy(1, "{'descr': '<i4', 'fortran_order': True, 'shape': (2, 3), }", data.array());

        INDArray a = Npy.read(new ByteArrayInputStream(file), "f");

        assertSameArray(Nd4j.create(new int[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, DataType.INT32), a);
        assertEquals('c', a.ordering());
    }

    @Test
    void readsThreeDimensionalFortranOrderData() throws IOException {
        INDArray expected = sample(DataType.DOUBLE, 2, 3, 4);
        ByteBuffer data = ByteBuffer.allocate(24 * 8).order(ByteOrder.LITTLE_ENDIAN);
        data.asDoubleBuffer().put(expected.dup('f').data().asDouble());
        byte[] file = npy(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3, 4), }", data.array());

        assertSameArray(expected, Npy.read(new ByteArrayInputStream(file), "f3"));
    }

    @Test
    void readsVersion2WithItsFourByteHeaderLength() throws IOException {
        byte[] file = npy(2, "{'descr': '|u1', 'fortran_order': False, 'shape': (3,), }", new byte[] {0, 7, (byte) 255});

        INDArray a = Npy.read(new ByteArrayInputStream(file), "v2");

        assertSameArray(Nd4j.create(new byte[] {0, 7, (byte) 255}, new long[] {3}, DataType.UINT8), a);
        assertEquals(255, a.getInt(2));
    }

    @Test
    void rejectsBadMagic() {
        assertReadFails("entry 'w': bad magic at byte 0: expected b'\\x93NUMPY', found b'PK\\x03\\x04\\x14\\x00'"
                + " (not an NPY array)", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0});
        assertReadFails("entry 'w': bad magic at byte 0: expected b'\\x93NUMPY', found b'' (not an NPY array)",
                new byte[0]);
    }

    @Test
    void rejectsUnsupportedVersions() {
        byte[] file = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (), }", new byte[4]);
        file[6] = 3;
        assertReadFails("entry 'w': unsupported NPY version 3.0 at byte 6 (supported: 1.0, 2.0)", file);
        file[6] = 1;
        file[7] = 1;
        assertReadFails("entry 'w': unsupported NPY version 1.1 at byte 6 (supported: 1.0, 2.0)", file);
    }

    @Test
    void rejectsATruncatedPreamble() {
        byte[] file = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (), }", new byte[4]);
        assertReadFails("entry 'w': version ends at byte 7, expected 8", Arrays.copyOf(file, 7));
        assertReadFails("entry 'w': header length ends at byte 9, expected 10", Arrays.copyOf(file, 9));
        assertReadFails("entry 'w': header ends at byte 20, expected 128", Arrays.copyOf(file, 20));
    }

    @Test
    void rejectsAnUnparseableHeaderNamingTheByte() {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, x), }";
        IOException e = assertReadFails(null, npy(1, dict, new byte[0]));

        assertTrue(e.getMessage().startsWith("entry 'w': unparseable header at byte " + (10 + dict.indexOf('x'))
                + ": expected a non-negative integer, found 'x' in {'descr'"), e.getMessage());
    }

    @Test
    void rejectsHeadersMissingAKey() {
        IOException e = assertReadFails(null, npy(1, "{'descr': '<f4', 'shape': (2, 3), }", new byte[24]));

        assertTrue(e.getMessage().startsWith("entry 'w': unparseable header at byte 10: missing key 'fortran_order'"),
                e.getMessage());
    }

    @Test
    void rejectsUnsupportedDtypes() {
        for (String descr : new String[] {">f4", "<f2", "|b1", "<U5", "|O"}) {
            assertReadFails("entry 'w': unsupported dtype '" + descr + "' in header at byte 10"
                            + " (supported: <f4, <f8, <i4, <i8, |u1)",
                    npy(1, "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (1,), }", new byte[8]));
        }
    }

    @Test
    void rejectsTruncatedDataNamingWhereItEnds() {
        byte[] file = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", new byte[10]);

        IOException e = assertThrows(IOException.class,
                () -> Npy.read(new ByteArrayInputStream(file), "encoder.0.weight"));

        assertEquals("entry 'encoder.0.weight': data ends at byte 138, expected 152", e.getMessage());
    }

    @Test
    void rejectsDataTruncatedBeyondTheFirstConversionChunk() throws IOException {
        byte[] whole = write(sample(DataType.FLOAT, 20_000));

        assertReadFails("entry 'w': data ends at byte 70128, expected 80128", Arrays.copyOf(whole, 70_128));
    }

    @Test
    void rejectsShapesTooLargeForAJavaArray() {
        IOException e = assertReadFails(null,
                npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }", new byte[0]));

        assertTrue(e.getMessage().startsWith("entry 'w': shape (100000, 100000) in header at byte 10 has"),
                e.getMessage());
    }

    @Test
    void refusesToWriteUnsupportedTypes() {
        INDArray half = Nd4j.create(DataType.HALF, 2);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Npy.write(half, new ByteArrayOutputStream()));

        assertEquals("cannot write a HALF array as NPY; supported: FLOAT, DOUBLE, INT32, INT64, UINT8", e.getMessage());
    }

    private static byte[] write(INDArray a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(a, out);
        return out.toByteArray();
    }

    /** The header text of a version 1.0 file: what follows the 10-byte prefix up to the data. */
    private static String headerText(byte[] file) {
        int length = (file[8] & 0xFF) | (file[9] & 0xFF) << 8;
        return new String(file, 10, length, StandardCharsets.ISO_8859_1);
    }

    /** An NPY file made by hand, independently of {@link Npy}: the dict padded to 64 bytes, then {@code data}. */
    static byte[] npy(int version, String dict, byte[] data) {
        int prefix = version == 1 ? 10 : 12;
        int headerLength = dict.length() + 1;
        headerLength += (64 - (prefix + headerLength) % 64) % 64;
        ByteBuffer b = ByteBuffer.allocate(prefix + headerLength + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        if (version == 1) {
            b.putShort((short) headerLength);
        } else {
            b.putInt(headerLength);
        }
        b.put(ascii(dict + " ".repeat(headerLength - dict.length() - 1) + "\n")).put(data);
        return b.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Asserts that reading {@code file} as entry 'w' fails, with {@code message} unless it is null. */
    private static IOException assertReadFails(String message, byte[] file) {
        IOException e = assertThrows(IOException.class, () -> Npy.read(new ByteArrayInputStream(file), "w"));
        if (message != null) {
            assertEquals(message, e.getMessage());
        }
        return e;
    }
}
