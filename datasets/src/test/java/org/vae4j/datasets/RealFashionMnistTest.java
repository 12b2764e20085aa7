package org.vae4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the real Fashion-MNIST that Debian's dataset-fashion-mnist installs, if it is there. */
class RealFashionMnistTest {
    static final Path SYSTEM = Path.of("/usr/share/datasets");

    @TempDir
    Path home;

    @Test
    void readsDebiansFashionMnist() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SYSTEM.resolve("fashion-mnist")),
                "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist); skipped");
        LocatedDataset d = new DataLocator(DatasetCatalog.standard(), List.of(SYSTEM), new Downloader())
                .locate("fashion-mnist", null, Map.of("HOME", home.toString()), false);
        ImageSet train = d.train();
        ImageSet test = d.test();
        assertEquals(60000, train.size());
        assertEquals(10000, test.size());
        assertArrayEquals(new long[] {1, 28, 28}, train.shape());
        assertEquals(9, train.label(0));
        int[] counts = new int[10];
        for (int label : train.labels()) {
            counts[label]++; // throws if a label is outside 0..9
        }
        assertArrayEquals(new int[] {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000}, counts);

        // Every byte read must be the published data: rebuild the decompressed test files and
        // compare with the MD5 sums the Fashion-MNIST authors publish for them.
        MessageDigest images = MessageDigest.getInstance("MD5");
        images.update(ByteBuffer.allocate(16).putInt(0x803).putInt(10000).putInt(28).putInt(28).array());
        for (int i = 0; i < test.size(); i++) {
            images.update(test.pixels(i));
        }
        assertEquals("8181f5470baa50b63fa0f6fddb340f0a", HexFormat.of().formatHex(images.digest()));
        MessageDigest labels = MessageDigest.getInstance("MD5");
        labels.update(ByteBuffer.allocate(8).putInt(0x801).putInt(10000).array());
        for (int label : test.labels()) {
            labels.update((byte) label);
        }
        assertEquals("15d484375f8d13e6eb1aabb0c3f46965", HexFormat.of().formatHex(labels.digest()));
    }
}
