package org.vae4j.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.engine.io.ArrayFixtures.assertSameArray;
import static org.vae4j.engine.io.ArrayFixtures.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class NpzTest {
    /**
     * What numpy 1.24 wrote for {@code np.savez(f, **{"encoder.0.weight": float32 [[1.5, -2, 3], [4, 5, 6.25]],
     * "decoder/bias": float64 [0.1, -1e300, inf], "step": np.int64(-2**40),
     * "mask": np.asfortranarray(uint8 [[0, 255], [128, 7]]),
     * "counts": np.asfortranarray(np.arange(12, dtype=np.int32).reshape(2, 3, 2))})}.
     */
    private static final String NUMPY_SAVEZ = """
            UEsDBBQAAAAAAAAAIQBb/sUamAAAAJgAAAAUABQAZW5jb2Rlci4wLndlaWdodC5ucHkBABAAmAAAAAAAAACYAAAA
            AAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxmNCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgy
            LCAzKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAK
            AADAPwAAAMAAAEBAAACAQAAAoEAAAMhAUEsDBBQAAAAAAAAAIQCVB8E1mAAAAJgAAAAQABQAZGVjb2Rlci9iaWFz
            Lm5weQEAEACYAAAAAAAAAJgAAAAAAAAAk05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXIn
            OiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg
            ICAgICAgICAgICAgICAgICAgIAqamZmZmZm5P5x1AIg85Df+AAAAAAAA8H9QSwMEFAAAAAAAAAAhACiXi2aIAAAA
            iAAAAAgAFABzdGVwLm5weQEAEACIAAAAAAAAAIgAAAAAAAAAk05VTVBZAQB2AHsnZGVzY3InOiAnPGk4JywgJ2Zv
            cnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg
            ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAP///1BLAwQUAAAAAAAAACEALF7rkIQAAACEAAAA
            CAAUAG1hc2subnB5AQAQAIQAAAAAAAAAhAAAAAAAAACTTlVNUFkBAHYAeydkZXNjcic6ICd8dTEnLCAnZm9ydHJh
            bl9vcmRlcic6IFRydWUsICdzaGFwZSc6ICgyLCAyKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg
            ICAgICAgICAgICAgICAgICAgICAgICAgICAgCgCA/wdQSwMEFAAAAAAAAAAhAIusWr6wAAAAsAAAAAoAFABjb3Vu
            dHMubnB5AQAQALAAAAAAAAAAsAAAAAAAAACTTlVNUFkBAHYAeydkZXNjcic6ICc8aTQnLCAnZm9ydHJhbl9vcmRl
            cic6IFRydWUsICdzaGFwZSc6ICgyLCAzLCAyKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg
            ICAgICAgICAgICAgICAgICAgICAgCgAAAAAGAAAAAgAAAAgAAAAEAAAACgAAAAEAAAAHAAAAAwAAAAkAAAAFAAAA
            CwAAAFBLAQIUAxQAAAAAAAAAIQBb/sUamAAAAJgAAAAUAAAAAAAAAAAAAACAAQAAAABlbmNvZGVyLjAud2VpZ2h0
            Lm5weVBLAQIUAxQAAAAAAAAAIQCVB8E1mAAAAJgAAAAQAAAAAAAAAAAAAACAAd4AAABkZWNvZGVyL2JpYXMubnB5
            UEsBAhQDFAAAAAAAAAAhACiXi2aIAAAAiAAAAAgAAAAAAAAAAAAAAIABuAEAAHN0ZXAubnB5UEsBAhQDFAAAAAAA
            AAAhACxe65CEAAAAhAAAAAgAAAAAAAAAAAAAAIABegIAAG1hc2subnB5UEsBAhQDFAAAAAAAAAAhAIusWr6wAAAA
            sAAAAAoAAAAAAAAAAAAAAIABOAMAAGNvdW50cy5ucHlQSwUGAAAAAAUABQAkAQAAJAQAAAAA
            """;
    /** What numpy 1.24 wrote for {@code np.savez_compressed(f, w=np.arange(6, dtype=np.float32).reshape(2, 3))}. */
    private static final String NUMPY_SAVEZ_COMPRESSED = """
            UEsDBBQAAAAIAAAAIQBP6QAqVQAAAJgAAAAFABQAdy5ucHkBABAAmAAAAAAAAABVAAAAAAAAAJvsF+obEMnIUMZQ
            rZ6SWpxcpG6loG6TZqKuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GkY6CsaaOgq1CmQDLgYwaLAHEg5A
            BMQNQLzAAQBQSwECFAMUAAAACAAAACEAT+kAKlUAAACYAAAABQAAAAAAAAAAAAAAgAEAAAAAdy5ucHlQSwUGAAAA
            AAEAAQAzAAAAjAAAAAAA
            """;

    @TempDir
    Path dir;

    @Test
    void roundTripsArraysKeepingKeysWithDotsAndSlashesInOrder() throws IOException {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("encoder.0.weight", sample(DataType.FLOAT, 3, 4));
        arrays.put("decoder/layers.1.bias", sample(DataType.DOUBLE, 4));
        arrays.put("a", sample(DataType.INT64));
        arrays.put("optimizer.step", sample(DataType.INT32, 1));
        arrays.put("z.mask", sample(DataType.UINT8, 2, 2, 2));
        arrays.put("b.view", sample(DataType.FLOAT, 4, 5).get(NDArrayIndex.all(), NDArrayIndex.point(2)));
        Path file = dir.resolve("model.npz");

        Npz.write(file, arrays);
        Map<String, INDArray> back = Npz.read(file);

        assertEquals(List.copyOf(arrays.keySet()), List.copyOf(back.keySet()));
        arrays.forEach((key, a) -> assertSameArray(a, back.get(key)));
    }

    @Test
    void writesOneUncompressedNpyEntryPerKeyInOrder() throws IOException {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("w.1", sample(DataType.FLOAT, 2, 3));
        arrays.put("b/0", sample(DataType.FLOAT, 3));
        Path file = dir.resolve("m.npz");

        Npz.write(file, arrays);

        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            zip.stream().forEach(e -> {
                names.add(e.getName());
                assertEquals(ZipEntry.STORED, e.getMethod());
            });
            assertArrayEquals(Files.readAllBytes(write(sample(DataType.FLOAT, 2, 3))),
                    zip.getInputStream(zip.getEntry("w.1.npy")).readAllBytes());
        }
        assertEquals(List.of("w.1.npy", "b/0.npy"), names);
    }

    @Test
    void writesTheSameBytesForTheSameArrays() throws IOException {
        Path first = dir.resolve("1.npz");
        Path second = dir.resolve("2.npz");
        Npz.write(first, Map.of("x", sample(DataType.DOUBLE, 3, 3)));
        Npz.write(second, Map.of("x", sample(DataType.DOUBLE, 3, 3)));

        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void roundTripsAnEmptyMap() throws IOException {
        Path file = dir.resolve("empty.npz");

        Npz.write(file, Map.of());

        assertTrue(Npz.read(file).isEmpty());
    }

    @Test
    void replacesAnExistingFileLeavingNoTemporaryFile() throws IOException {
        Path file = dir.resolve("ckpt.npz");
        Npz.write(file, Map.of("old", sample(DataType.FLOAT, 2)));

        Npz.write(file, Map.of("new", sample(DataType.INT32, 3)));

        assertEquals(List.of("new"), List.copyOf(Npz.read(file).keySet()));
        assertEquals(List.of(file), listDir());
    }

    @Test
    void leavesTheOldFileIntactWhenAnArrayCannotBeWritten() throws IOException {
        Path file = dir.resolve("ckpt.npz");
        Npz.write(file, Map.of("old", sample(DataType.FLOAT, 2)));
        byte[] before = Files.readAllBytes(file);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("fine", sample(DataType.FLOAT, 1000));
        arrays.put("half", Nd4j.create(DataType.HALF, 2));

        assertThrows(IllegalArgumentException.class, () -> Npz.write(file, arrays));

        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), listDir());
    }

    @Test
    void rejectsEmptyKeys() {
        Path file = dir.resolve("x.npz");

        assertThrows(IllegalArgumentException.class, () -> Npz.write(file, Map.of("", sample(DataType.FLOAT, 1))));
        assertFalse(Files.exists(file));
    }

    @Test
    void readsWhatNumpySavezWrote() throws IOException {
        Path file = dir.resolve("numpy.npz");
        Files.write(file, Base64.getMimeDecoder().decode(NUMPY_SAVEZ));

        Map<String, INDArray> arrays = Npz.read(file);

        assertEquals(List.of("encoder.0.weight", "decoder/bias", "step", "mask", "counts"), List.copyOf(arrays.keySet()));
        assertSameArray(Nd4j.create(new float[] {1.5f, -2, 3, 4, 5, 6.25f}, new long[] {2, 3}, DataType.FLOAT),
                arrays.get("encoder.0.weight"));
        assertSameArray(Nd4j.create(new double[] {0.1, -1e300, Double.POSITIVE_INFINITY}, new long[] {3}, DataType.DOUBLE),
                arrays.get("decoder/bias"));
        assertSameArray(Nd4j.create(new long[] {-(1L << 40)}, new long[0], DataType.INT64), arrays.get("step"));
        assertSameArray(Nd4j.create(new byte[] {0, (byte) 255, (byte) 128, 7}, new long[] {2, 2}, DataType.UINT8),
                arrays.get("mask"));
        int[] counts = new int[12];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i;
        }
        assertSameArray(Nd4j.create(counts, new long[] {2, 3, 2}, DataType.INT32), arrays.get("counts"));
    }

    @Test
    void readsWhatNumpySavezCompressedWrote() throws IOException {
        Path file = dir.resolve("numpy-compressed.npz");
        Files.write(file, Base64.getMimeDecoder().decode(NUMPY_SAVEZ_COMPRESSED));

        Map<String, INDArray> arrays = Npz.read(file);

        assertEquals(List.of("w"), List.copyOf(arrays.keySet()));
        assertSameArray(Nd4j.create(new float[] {0, 1, 2, 3, 4, 5}, new long[] {2, 3}, DataType.FLOAT), arrays.get("w"));
    }

    @Test
    void rejectsAFileThatIsNotAZip() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.npz"), "not a zip");

        IOException e = assertThrows(IOException.class, () -> Npz.read(file));

        assertTrue(e.getMessage().startsWith(file + ": not a zip archive"), e.getMessage());
    }

    @Test
    void rejectsEntriesThatAreNotNpy() throws IOException {
        Path file = zip("odd.npz", Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)));

        IOException e = assertThrows(IOException.class, () -> Npz.read(file));

        assertEquals(file + ": entry 'readme.txt' is not a <key>.npy array", e.getMessage());
    }

    @Test
    void namesTheFileAndEntryOfATruncatedArray() throws IOException {
        byte[] npy = NpyTest.npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", new byte[10]);
        Path file = zip("cut.npz", Map.of("encoder.0.weight.npy", npy));

        IOException e = assertThrows(IOException.class, () -> Npz.read(file));

        assertEquals(file + ": entry 'encoder.0.weight': data ends at byte 138, expected 152", e.getMessage());
    }

    @Test
    void namesTheFileAndEntryOfAMalformedArray() throws IOException {
        Path file = zip("bad.npz", Map.of("w.npy", "garbage!!!".getBytes(StandardCharsets.US_ASCII)));

        IOException e = assertThrows(IOException.class, () -> Npz.read(file));

        assertTrue(e.getMessage().startsWith(file + ": entry 'w': bad magic at byte 0"), e.getMessage());
    }

    @Test
    void detectsCorruptDataByItsChecksum() throws IOException {
        Path file = dir.resolve("flipped.npz");
        Npz.write(file, Map.of("w", sample(DataType.FLOAT, 2, 3)));
        byte[] bytes = Files.readAllBytes(file);
        // the dict ends 68 bytes into the entry and its 24 data bytes start at 128
        int data = indexOf(bytes, "}".getBytes(StandardCharsets.US_ASCII)) + 70;
        bytes[data] ^= 0x10;
        Files.write(file, bytes);

        IOException e = assertThrows(IOException.class, () -> Npz.read(file));

        assertEquals(file + ": entry 'w': checksum mismatch, the file is corrupt", e.getMessage());
    }

    private Path write(INDArray a) throws IOException {
        Path file = dir.resolve("single.npy");
        AtomicFiles.write(file, out -> Npy.write(a, out));
        return file;
    }

    /** A zip with the given raw entries, made without {@link Npz}. */
    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private List<Path> listDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
