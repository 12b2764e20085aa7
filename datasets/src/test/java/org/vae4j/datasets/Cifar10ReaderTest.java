package org.vae4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.datasets.TestData.cifarRecords;
import static org.vae4j.datasets.TestData.write;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10ReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsRecordsOfSeveralFilesInOrder() {
        Path a = write(dir.resolve("data_batch_1.bin"), cifarRecords(0, 2));
        Path b = write(dir.resolve("data_batch_2.bin"), cifarRecords(2, 3));
        ImageSet set = Cifar10Reader.read(List.of(a, b));
        assertEquals(5, set.size());
        assertArrayEquals(new long[] {3, 32, 32}, set.shape());
        assertEquals(3072, set.dimensions());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, set.labels());
        for (int n = 0; n < 5; n++) {
            for (int i = 0; i < 3072; i += 97) {
                assertEquals(TestData.pixel(n, i), set.pixel(n, i));
            }
        }
        assertEquals("data_batch_1.bin, data_batch_2.bin", set.description());
    }

    @Test
    void planesAreChannelRowColumnOrder() {
        byte[] record = new byte[Cifar10Reader.RECORD];
        record[0] = 7;
        // red (0) at row 1, col 2; green (1) at row 0, col 31; blue (2) at row 31, col 0
        record[1 + (0 * 32 + 1) * 32 + 2] = (byte) 200;
        record[1 + (1 * 32 + 0) * 32 + 31] = (byte) 100;
        record[1 + (2 * 32 + 31) * 32] = (byte) 255;
        ImageSet set = Cifar10Reader.read(List.of(write(dir.resolve("x.bin"), record)));
        assertEquals(7, set.label(0));
        assertEquals(200, set.pixel(0, (0 * 32 + 1) * 32 + 2));
        assertEquals(100, set.pixel(0, (1 * 32 + 0) * 32 + 31));
        assertEquals(255, set.pixel(0, (2 * 32 + 31) * 32));
    }

    @Test
    void lengthNotAMultipleOfTheRecord() {
        Path f = write(dir.resolve("data_batch_3.bin"),
                Arrays.copyOf(cifarRecords(0, 3), 3 * 3073 + 1));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Cifar10Reader.read(List.of(f)));
        assertEquals(f, e.file());
        assertEquals(9219, e.offset());
        assertEquals(f + ": is 9220 bytes, not a multiple of the 3073-byte record (1 label + 3072 pixels);"
                + " last record starts at byte 9219 and has only 1 of its 3073 bytes (3 whole records"
                + " before it)", e.getMessage());
    }

    @Test
    void truncatedSecondFileIsFoundBeforeReadingTheFirst() {
        Path good = write(dir.resolve("a.bin"), cifarRecords(0, 1));
        Path cut = write(dir.resolve("b.bin"), Arrays.copyOf(cifarRecords(0, 2), 3073 + 3000));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> Cifar10Reader.read(List.of(good, cut)));
        assertEquals(cut, e.file());
        assertEquals(3073, e.offset());
        assertTrue(e.getMessage().contains("is 6073 bytes"), e.getMessage());
    }

    @Test
    void emptyFile() {
        Path f = write(dir.resolve("e.bin"), new byte[0]);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Cifar10Reader.read(List.of(f)));
        assertEquals(f + ": is empty, expected records of 3073 bytes (1 label + 3072 pixels)", e.getMessage());
    }

    @Test
    void labelOutOfRangeNamesRecordAndByte() {
        byte[] data = cifarRecords(0, 3);
        data[2 * 3073] = 57;
        Path f = write(dir.resolve("test_batch.bin"), data);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Cifar10Reader.read(List.of(f)));
        assertEquals(6146, e.offset());
        assertTrue(e.getMessage().startsWith(f + ": label 57 at byte 6146 (record 2), expected 0..9"),
                e.getMessage());
    }

    @Test
    void gzipArchiveGivenInsteadOfBatch() {
        Path f = write(dir.resolve("cifar-10-binary.tar.gz"), TestData.cifarArchive());
        DataFormatException e = assertThrows(DataFormatException.class, () -> Cifar10Reader.read(List.of(f)));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("is gzip-compressed (1f 8b at byte 0)"), e.getMessage());
    }

    @Test
    void noFiles() {
        assertThrows(IllegalArgumentException.class, () -> Cifar10Reader.read(List.of()));
    }
}
