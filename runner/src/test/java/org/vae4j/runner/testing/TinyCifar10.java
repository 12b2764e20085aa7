package org.vae4j.runner.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A CIFAR-10 data set in the real binary format, small enough for tests: {@code data_batch_1.bin}
 * to {@code data_batch_5.bin} and {@code test_batch.bin}, each a few dozen 3073-byte records (a
 * label byte, then the red, green and blue planes of a 32x32 image). Each class has its own
 * colour and a square at a class-dependent place, plus noise, so a model can learn something
 * within a few steps.
 */
public final class TinyCifar10 {
    /** The training files, in reading order. */
    public static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin",
            "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    /** The test file. */
    public static final String TEST_FILE = "test_batch.bin";
    /** Bytes per record. */
    public static final int RECORD = 3073;
    private static final int SIDE = 32;

    private TinyCifar10() {
    }

    /**
     * @param dir     the folder to create and fill
     * @param perFile records in each of the six files
     * @return {@code dir}
     * @throws IOException if it cannot be written
     */
    public static Path write(Path dir, int perFile) throws IOException {
        Files.createDirectories(dir);
        Random r = new Random(2);
        for (String f : TRAIN_FILES) {
            Files.write(dir.resolve(f), records(perFile, r));
        }
        Files.write(dir.resolve(TEST_FILE), records(perFile, r));
        return dir;
    }

    /** @return {@code count} records with labels 0..9 in turn */
    public static byte[] records(int count, Random r) {
        byte[] b = new byte[count * RECORD];
        for (int n = 0; n < count; n++) {
            int label = n % 10;
            int at = n * RECORD;
            b[at] = (byte) label;
            int red = 40 + 20 * label;
            int green = 220 - 18 * label;
            int blue = (label * 73) % 200 + 30;
            int sq = 4 + 2 * label;
            for (int c = 0; c < 3; c++) {
                int base = c == 0 ? red : c == 1 ? green : blue;
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        boolean inSquare = y >= sq && y < sq + 8 && x >= sq && x < sq + 8;
                        int v = (inSquare ? 255 - base : base) + r.nextInt(21) - 10;
                        b[at + 1 + (c * SIDE + y) * SIDE + x] = (byte) Math.max(0, Math.min(255, v));
                    }
                }
            }
        }
        return b;
    }
}
