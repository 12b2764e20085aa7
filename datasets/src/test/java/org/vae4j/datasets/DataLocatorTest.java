package org.vae4j.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.datasets.TestData.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLocatorTest {
    @TempDir
    Path tmp;

    Path data;
    Path system;
    Path cache;
    Map<String, String> env;
    DataLocator locator;

    @BeforeEach
    void setUp() {
        data = tmp.resolve("data");
        system = tmp.resolve("system");
        env = new HashMap<>();
        env.put("HOME", tmp.resolve("home").toString());
        cache = tmp.resolve("home/.cache/vae4j");
        locator = new DataLocator(DatasetCatalog.standard(), List.of(system), new Downloader());
    }

    private LocatedDataset locate(String name, Path explicit) {
        return locator.locate(name, explicit, env, false);
    }

    @Test
    void findsTheSystemCopyAndReadsIt() {
        TestData.idxDataset(system.resolve("fashion-mnist"));
        LocatedDataset d = locate("fashion-mnist", null);
        assertEquals(system.resolve("fashion-mnist"), d.directory());
        assertEquals("system directory " + system.resolve("fashion-mnist"), d.source());
        ImageSet train = d.train();
        assertEquals(5, train.size());
        assertEquals("fashion-mnist train", train.description());
        assertEquals(3, d.test().size());
        assertEquals(List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"),
                d.files().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void triesPlacesInOrder() {
        env.put("VAE4J_DATA", data.toString());
        TestData.idxDataset(cache.resolve("mnist"));
        assertEquals(cache.resolve("mnist"), locate("mnist", null).directory());
        TestData.idxDataset(system.resolve("mnist"));
        assertEquals(system.resolve("mnist"), locate("mnist", null).directory());
        TestData.idxDataset(data);
        LocatedDataset root = locate("mnist", null);
        assertEquals(data, root.directory());
        assertEquals("$VAE4J_DATA = " + data, root.source());
        TestData.idxDataset(data.resolve("mnist"));
        LocatedDataset sub = locate("mnist", null);
        assertEquals(data.resolve("mnist"), sub.directory());
        assertEquals("$VAE4J_DATA/mnist = " + data.resolve("mnist"), sub.source());
        Path explicit = TestData.idxDataset(tmp.resolve("mine"));
        assertEquals(explicit, locate("mnist", explicit).directory());
    }

    @Test
    void anExplicitPathIsTheOnlyPlaceTried() {
        TestData.idxDataset(system.resolve("fashion-mnist"));
        Path wrong = tmp.resolve("typo");
        DataNotFoundException e = assertThrows(DataNotFoundException.class, () -> locate("fashion-mnist", wrong));
        assertEquals(List.of("explicit path " + wrong + " (from the spec): does not exist"), e.attempts());
        assertTrue(e.getMessage().contains("Fix: correct the path, or leave it out of the spec"), e.getMessage());
    }

    @Test
    void allFailedMessageNamesEveryPlaceAndTheFix() {
        env.put("VAE4J_DATA", data.toString());
        write(data.resolve("README"), new byte[0]);
        DataNotFoundException e = assertThrows(DataNotFoundException.class, () -> locate("fashion-mnist", null));
        String idxFiles = "train-images-idx3-ubyte.gz (or train-images-idx3-ubyte), train-labels-idx1-ubyte.gz"
                + " (or train-labels-idx1-ubyte), t10k-images-idx3-ubyte.gz (or t10k-images-idx3-ubyte),"
                + " t10k-labels-idx1-ubyte.gz (or t10k-labels-idx1-ubyte)";
        assertEquals("data set 'fashion-mnist' not found. Tried, in order:\n"
                + "  1. $VAE4J_DATA/fashion-mnist = " + data.resolve("fashion-mnist") + ": does not exist\n"
                + "  2. $VAE4J_DATA = " + data + ": has none of the IDX files: no " + idxFiles + "\n"
                + "  3. system directory " + system.resolve("fashion-mnist") + ": does not exist\n"
                + "  4. cache " + cache.resolve("fashion-mnist") + ": does not exist\n"
                + "  5. download into " + data.resolve("fashion-mnist")
                + ": not attempted, downloads are disabled\n"
                + "Fix: apt-get install dataset-fashion-mnist (installs it in " + system.resolve("fashion-mnist")
                + "); or download http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/train-images-idx3-ubyte.gz,"
                + " http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/train-labels-idx1-ubyte.gz,"
                + " http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/t10k-images-idx3-ubyte.gz,"
                + " http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/t10k-labels-idx1-ubyte.gz"
                + " into " + data.resolve("fashion-mnist") + " (or into <dir>/fashion-mnist and set VAE4J_DATA=<dir>);"
                + " or allow vae4j to download it (downloads are disabled)", e.getMessage());
        assertEquals(5, e.attempts().size());
        assertEquals("fashion-mnist", e.dataset());
    }

    @Test
    void withoutVae4jDataDownloadsGoToTheCache() {
        DataNotFoundException e = assertThrows(DataNotFoundException.class, () -> locate("cifar-10", null));
        assertEquals("$VAE4J_DATA: not set", e.attempts().get(0));
        assertTrue(e.attempts().get(1).startsWith("system directory " + system.resolve("cifar-10")));
        assertEquals("download into " + cache.resolve("cifar-10") + ": not attempted, downloads are disabled",
                e.attempts().get(3));
        assertTrue(e.fix().startsWith("download https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz into "
                + cache.resolve("cifar-10")), e.fix());
        assertFalse(e.fix().contains("apt-get"));
    }

    @Test
    void xdgCacheHomeIsRespected() {
        env.put("XDG_CACHE_HOME", tmp.resolve("xdg").toString());
        assertEquals(tmp.resolve("xdg/vae4j"), DataLocator.cacheRoot(env));
        assertEquals(tmp.resolve("xdg/vae4j/kmnist"), DataLocator.downloadDirectory("kmnist", env));
        env.put("VAE4J_DATA", data.toString());
        assertEquals(data.resolve("kmnist"), DataLocator.downloadDirectory("kmnist", env));
    }

    @Test
    void saysWhichFilesAreMissing() {
        Path dir = TestData.idxDataset(system.resolve("kmnist"));
        deleteQuietly(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        DataNotFoundException e = assertThrows(DataNotFoundException.class, () -> locate("kmnist", null));
        assertEquals("system directory " + dir + ": lacks t10k-labels-idx1-ubyte.gz (or t10k-labels-idx1-ubyte)",
                e.attempts().get(1));
    }

    @Test
    void acceptsDecompressedIdxFiles() throws IOException {
        Path dir = tmp.resolve("raw");
        write(dir.resolve("train-images-idx3-ubyte"), TestData.idxImages(4, 2, 2));
        write(dir.resolve("train-labels-idx1-ubyte"), TestData.idxLabels(4));
        write(dir.resolve("t10k-images-idx3-ubyte"), TestData.idxImages(1, 2, 2));
        write(dir.resolve("t10k-labels-idx1-ubyte"), TestData.idxLabels(1));
        LocatedDataset d = locate("mnist", dir);
        assertEquals(4, d.train().size());
        assertEquals(1, d.test().size());
    }

    @Test
    void hashesEveryFileForProvenance() {
        LocatedDataset d = locate("fashion-mnist", TestData.idxDataset(tmp.resolve("f")));
        Map<Path, String> sha = d.sha256();
        assertEquals(d.files(), List.copyOf(sha.keySet()));
        for (Path f : d.files()) {
            assertEquals(independentSha256(f), sha.get(f));
        }
    }

    @Test
    void unknownDataSet() {
        var e = assertThrows(IllegalArgumentException.class, () -> locate("fmnist", null));
        assertEquals("unknown data set 'fmnist', expected one of fashion-mnist, mnist, kmnist, cifar-10, image-folder, npy, npz",
                e.getMessage());
    }

    @Test
    void extractsTheCifarArchiveOnceAndReadsIt() throws IOException {
        env.put("VAE4J_DATA", data.toString());
        Path archive = write(data.resolve("cifar-10/cifar-10-binary.tar.gz"), TestData.cifarArchive());
        LocatedDataset d = locate("cifar-10", null);
        Path extracted = data.resolve("cifar-10/cifar-10-batches-bin");
        assertEquals(extracted, d.directory());
        assertTrue(Files.isRegularFile(extracted.resolve("batches.meta.txt")));
        ImageSet train = d.train();
        assertEquals(10, train.size());
        assertEquals(3, train.channels());
        assertEquals(TestData.pixel(7, 3000), train.pixel(7, 3000));
        assertEquals(3, d.test().size());
        assertEquals(100 % 10, d.test().label(0));
        assertEquals(List.of("cifar-10-batches-bin", "cifar-10-binary.tar.gz"), list(archive.getParent()),
                "no temporary directory is left");
        // the second time the extracted files are used, even without the archive
        Files.delete(archive);
        assertEquals(extracted, locate("cifar-10", null).directory());
    }

    @Test
    void acceptsExtractedCifarAndAnArchiveAsExplicitPath() {
        Path batches = TestData.cifarBatches(tmp.resolve("c/cifar-10-batches-bin"));
        assertEquals(batches, locate("cifar-10", tmp.resolve("c")).directory());
        assertEquals(batches, locate("cifar-10", batches).directory());
        Path archive = write(tmp.resolve("a/cifar-10-binary.tar.gz"), TestData.cifarArchive());
        LocatedDataset d = locate("cifar-10", archive);
        assertEquals(tmp.resolve("a/cifar-10-batches-bin"), d.directory());
        assertEquals(6, d.files().size());
    }

    @Test
    void corruptCifarArchiveIsAFormatErrorNotAMiss() {
        byte[] good = TestData.cifarArchive();
        Path archive = write(tmp.resolve("x/cifar-10-binary.tar.gz"), java.util.Arrays.copyOf(good, good.length / 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> locate("cifar-10", archive));
        assertEquals(archive, e.file());
        assertTrue(e.getMessage().contains("archive is truncated or corrupt near decompressed byte offset "
                + e.offset()), e.getMessage());
        assertEquals(List.of("cifar-10-binary.tar.gz"), list(archive.getParent()));
    }

    @Test
    void cifarArchiveWithoutTheTestBatch() {
        Path archive = write(tmp.resolve("y/cifar-10-binary.tar.gz"),
                TestData.tarGz(Map.of("cifar-10-batches-bin/data_batch_1.bin", TestData.cifarRecords(0, 1))));
        DataFormatException e = assertThrows(DataFormatException.class, () -> locate("cifar-10", archive));
        assertTrue(e.getMessage().startsWith(archive + ": has no member cifar-10-batches-bin/data_batch_2.bin;"
                + " expected the CIFAR-10 binary version"), e.getMessage());
        assertEquals(List.of("cifar-10-binary.tar.gz"), list(archive.getParent()));
    }

    @Test
    void incompleteExtractionIsNotOverwritten() {
        Path dir = tmp.resolve("z");
        write(dir.resolve("cifar-10-binary.tar.gz"), TestData.cifarArchive());
        write(dir.resolve("cifar-10-batches-bin/data_batch_1.bin"), TestData.cifarRecords(0, 1));
        DataNotFoundException e = assertThrows(DataNotFoundException.class, () -> locate("cifar-10", dir));
        assertTrue(e.attempts().get(0).endsWith("already exists and lacks data_batch_2.bin, data_batch_3.bin,"
                + " data_batch_4.bin, data_batch_5.bin, test_batch.bin; remove that directory"), e.getMessage());
    }

    static String independentSha256(Path f) {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(md.digest(Files.readAllBytes(f)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<String> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
