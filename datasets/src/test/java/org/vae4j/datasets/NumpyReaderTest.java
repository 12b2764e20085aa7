package org.vae4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.engine.io.Npy;
import org.vae4j.engine.io.Npz;

/**
 * NumPy arrays as a data set. The fixtures under {@code src/test/resources/numpy} were written by
 * NumPy 1.24 itself:
 *
 * <pre>
 * x_train = (np.arange(24).reshape(4, 2, 3) * 10).astype(np.uint8)     # pixel (i, r, c) = 10 (6i + 3r + c)
 * y_train = np.array([0, 2, 1, 2]); y_test = np.array([1, 0])
 * x_test = (np.arange(12).reshape(2, 2, 3) * 20 / 255).astype(np.float32)
 * np.savez_compressed('tiny.npz', x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
 * # npy/: x_train in Fortran order, y_train as uint8, x_test as float64, y_test as int32
 * </pre>
 */
class NumpyReaderTest {
    @TempDir
    Path dir;

    private static LocatedDataset locate(String dataset, Path path) {
        return new DataLocator(DatasetCatalog.standard(), List.of(), new Downloader()).locate(dataset, path, Map.of(),
                false);
    }

    private Path fixture(String name) throws IOException {
        Path out = dir.resolve(name);
        for (String f : name.endsWith(".npz") ? List.of("")
                : List.of("/x_train.npy", "/y_train.npy", "/x_test.npy", "/y_test.npy")) {
            Path target = Path.of(out + f);
            Files.createDirectories(target.getParent());
            try (InputStream in = getClass().getResourceAsStream("/numpy/" + name + f)) {
                Files.copy(in, target);
            }
        }
        return out;
    }

    private static void assertTinyFixture(LocatedDataset d) {
        assertEquals(List.of("class 0", "class 1", "class 2"), d.classNames());
        ImageSet train = d.train();
        assertArrayEquals(new long[] {1, 2, 3}, train.shape());
        assertEquals(4, train.size());
        assertArrayEquals(new int[] {0, 2, 1, 2}, train.labels());
        for (int i = 0; i < 4; i++) {
            for (int p = 0; p < 6; p++) {
                assertEquals(10 * (6 * i + p), train.pixel(i, p), "training image " + i + ", pixel " + p);
            }
        }
        ImageSet test = d.test();
        assertEquals(2, test.size());
        assertArrayEquals(new int[] {1, 0}, test.labels());
        for (int i = 0; i < 2; i++) {
            for (int p = 0; p < 6; p++) {
                // k/255 as float32 or float64 reads back as exactly k
                assertEquals(20 * (6 * i + p), test.pixel(i, p), "test image " + i + ", pixel " + p);
            }
        }
    }

    @Test
    void readsAnNpzFileNumpyWrote() throws IOException {
        Path npz = fixture("tiny.npz");
        LocatedDataset d = locate(DatasetCatalog.NPZ, npz);
        assertTinyFixture(d);
        assertEquals(List.of(npz), d.files(), "one file holds both splits, hashed once");
        assertEquals(npz.getParent(), d.directory());
    }

    @Test
    void readsNpyFilesNumpyWroteInEitherOrderAndType() throws IOException {
        assertTinyFixture(locate(DatasetCatalog.NPY, fixture("npy")));
    }

    @Test
    void unlabelledImagesAreOneClassAndChannelsFirstOrFlatShapesAreKept() throws IOException {
        Path f = dir.resolve("rgb.npz");
        Npz.write(f, Map.of("x_train", Nd4j.rand(DataType.FLOAT, 5, 3, 4, 2), "x_test", Nd4j.rand(DataType.FLOAT, 2, 3, 4, 2)));
        LocatedDataset d = locate(DatasetCatalog.NPZ, f);
        assertEquals(List.of("class 0"), d.classNames());
        assertArrayEquals(new long[] {3, 4, 2}, d.train().shape());
        assertArrayEquals(new int[5], d.train().labels());

        Path flat = dir.resolve("flat.npz");
        Npz.write(flat, Map.of("x_train", Nd4j.zeros(DataType.UINT8, 3, 7), "x_test", Nd4j.zeros(DataType.UINT8, 1, 7)));
        assertArrayEquals(new long[] {1, 1, 7}, locate(DatasetCatalog.NPZ, flat).test().shape());
    }

    private DataFormatException fails(String xTrainName, INDArray xTrain, INDArray yTrain, INDArray yTest) throws IOException {
        Path f = dir.resolve("bad.npz");
        Files.deleteIfExists(f);
        var arrays = new java.util.LinkedHashMap<String, INDArray>();
        arrays.put(xTrainName, xTrain);
        arrays.put("x_test", Nd4j.zeros(DataType.UINT8, 2, 2, 3));
        if (yTrain != null) {
            arrays.put("y_train", yTrain);
            arrays.put("y_test", yTest);
        }
        Npz.write(f, arrays);
        LocatedDataset d = locate(DatasetCatalog.NPZ, f);
        DataFormatException e = assertThrows(DataFormatException.class, () -> {
            d.train();
            d.test();
        });
        assertEquals(f, e.file());
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        return e;
    }

    @Test
    void everyProblemIsNamedWithItsFileAndArray() throws IOException {
        INDArray ok = Nd4j.zeros(DataType.UINT8, 4, 2, 3);
        Path unnamed = dir.resolve("unnamed.npz");
        Npz.write(unnamed, Map.of("images", ok, "x_test", ok));
        assertTrue(assertThrows(DataNotFoundException.class, () -> locate(DatasetCatalog.NPZ, unnamed)).getMessage()
                .contains(unnamed + " (from the spec): has no array 'x_train' (it holds images, x_test)"));
        assertTrue(fails("x_train", Nd4j.valueArrayOf(new long[] {4, 2, 3}, 255.0, DataType.FLOAT), null, null)
                .getMessage().contains("array 'x_train' holds 255.0 at flat index 0 (image 0): floating-point images "
                        + "must lie in [0, 1]; divide by 255, or store them as uint8"));
        assertTrue(fails("x_train", Nd4j.zeros(DataType.UINT8, 4, 2, 3, 3), null, null).getMessage()
                .contains("array 'x_train' has shape [4, 2, 3, 3], expected [N, C, H, W] with C = 1 (grey) or 3 (RGB); "
                        + "it looks channels-last [N, H, W, C]: store x.transpose(0, 3, 1, 2)"));
        assertTrue(fails("x_train", Nd4j.zeros(DataType.UINT8, 4), null, null).getMessage()
                .contains("has shape [4], expected images [N, H, W] or [N, C, H, W], or vectors [N, D]"));
        assertTrue(fails("x_train", Nd4j.valueArrayOf(new long[] {4, 2, 3}, 256, DataType.INT32), null, null)
                .getMessage().contains("holds 256 at flat index 0 (image 0): integer images must lie in 0..255"));
        assertTrue(fails("x_train", ok, Nd4j.createFromArray(0L, 1L, 2L), Nd4j.createFromArray(0L, 0L)).getMessage()
                .contains("array 'y_train' has shape [3], expected [4]: one class index per image"));
        assertTrue(fails("x_train", ok, Nd4j.createFromArray(0f, 1f, 1f, 0f), Nd4j.createFromArray(0L, 0L)).getMessage()
                .contains("array 'y_train' has type FLOAT, expected integer class indices"));
        assertTrue(fails("x_train", ok, Nd4j.createFromArray(0L, -1L, 1L, 0L), Nd4j.createFromArray(0L, 0L)).getMessage()
                .contains("array 'y_train' holds -1 at index 1"));
        assertTrue(fails("x_train", ok, Nd4j.createFromArray(0L, 1L, 1L, 0L), Nd4j.createFromArray(0L, 2L)).getMessage()
                .contains("array 'y_test' holds 2 at index 1: labels must be 0..1 (the classes of the training labels)"));
    }

    @Test
    void aDamagedFileIsNamed() throws IOException {
        Path npy = fixture("npy");
        Path x = npy.resolve("x_train.npy");
        byte[] bytes = Files.readAllBytes(x);
        Files.write(x, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        DataFormatException e = assertThrows(DataFormatException.class, () -> locate(DatasetCatalog.NPY, npy).train());
        assertEquals(x, e.file());
        assertTrue(e.getMessage().startsWith(x + ": cannot read as a NumPy array: entry 'x_train.npy': "), e.getMessage());

        Path notZip = dir.resolve("not.npz");
        try (OutputStream out = Files.newOutputStream(notZip)) {
            Npy.write(Nd4j.zeros(DataType.UINT8, 2, 2), out);
        }
        e = assertThrows(DataFormatException.class, () -> locate(DatasetCatalog.NPZ, notZip));
        assertTrue(e.getMessage().startsWith(notZip + ": cannot read as NumPy arrays: not a zip archive"), e.getMessage());
    }

    @Test
    void missingFilesAreListedByTheLocator() throws IOException {
        Path npy = fixture("npy");
        Files.move(npy.resolve("x_train.npy"), npy.resolve("images.npy"));
        DataNotFoundException e = assertThrows(DataNotFoundException.class, () -> locate(DatasetCatalog.NPY, npy));
        assertTrue(e.getMessage().contains("lacks x_train.npy"), e.getMessage());
        assertTrue(e.getMessage().contains("Fix: correct the path: a folder holding x_train.npy and x_test.npy"),
                e.getMessage());
        Files.move(npy.resolve("images.npy"), npy.resolve("x_train.npy"));

        Files.delete(npy.resolve("x_test.npy"));
        e = assertThrows(DataNotFoundException.class, () -> locate(DatasetCatalog.NPY, npy));
        assertTrue(e.getMessage().contains("has y_test.npy but not x_test.npy"), e.getMessage());

        Files.write(npy.resolve("x_test.npy"), Files.readAllBytes(npy.resolve("x_train.npy")));
        Files.delete(npy.resolve("y_test.npy"));
        e = assertThrows(DataNotFoundException.class, () -> locate(DatasetCatalog.NPY, npy));
        assertTrue(e.getMessage().contains("has y_train.npy but not y_test.npy: give labels for both splits or for neither"),
                e.getMessage());

        e = assertThrows(DataNotFoundException.class, () -> locate(DatasetCatalog.NPZ, npy));
        assertTrue(e.getMessage().contains("is a folder, expected the .npz file itself"), e.getMessage());
    }

    @Test
    void withoutTestArraysTheTestSplitIsHeldOutByFraction() throws IOException {
        Path f = dir.resolve("train-only.npz");
        Npz.write(f, Map.of("x_train", Nd4j.linspace(0, 199, 200, DataType.INT32).reshape(20, 10).castTo(DataType.UINT8),
                "y_train", Nd4j.linspace(0, 19, 20, DataType.INT64).fmod(4)));
        LocatedDataset d = locate(DatasetCatalog.NPZ, f);
        assertTrue(!d.hasTestSplit());
        DataFormatException e = assertThrows(DataFormatException.class, d::test);
        assertTrue(e.getMessage().endsWith("npz data with no test split: add the arrays x_test (and y_test if labelled), "
                + "or set $.data.testFraction to hold out that share of the training images (e.g. 0.1)"), e.getMessage());
        LocatedDataset split = d.withTestFraction(0.2, 3);
        assertEquals(16, split.train().size());
        assertEquals(4, split.test().size());
        assertEquals(List.of("class 0", "class 1", "class 2", "class 3"), split.classNames());
        for (int i = 0; i < 4; i++) {
            int image = split.test().pixel(i, 0) / 10;
            assertEquals(image % 4, split.test().label(i), "labels travel with their images");
        }
    }
}
