package org.vae4j.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.engine.io.Npy;
import org.vae4j.engine.io.Npz;
import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyFashionMnist;
import org.vae4j.runner.testing.Vae4j;

/**
 * NumPy arrays as a user brings them: Fashion-MNIST written as {@code .npy} files (uint8 images,
 * int64 labels) and as an {@code .npz} of floats in [0, 1], trained on from a spec.
 */
class NumpyEndToEndTest {
    private static final int SIDE = 28;

    /** The first n images of an IDX file as [n, 28, 28], of the given type. */
    private static INDArray images(Path idx, int n, DataType type) throws IOException {
        byte[] px = TinyFashionMnist.gunzip(idx);
        int[] values = new int[n * SIDE * SIDE];
        for (int i = 0; i < values.length; i++) {
            values[i] = px[16 + i] & 0xff;
        }
        INDArray a = Nd4j.createFromArray(values).reshape(n, SIDE, SIDE);
        return type == DataType.UINT8 ? a.castTo(DataType.UINT8) : a.castTo(type).divi(255);
    }

    private static INDArray labels(Path idx, int n) throws IOException {
        byte[] lb = TinyFashionMnist.gunzip(idx);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = lb[8 + i];
        }
        return Nd4j.createFromArray(out);
    }

    private static void npy(Path file, INDArray a) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            Npy.write(a, out);
        }
    }

    private static double testNegElbo(Path run) throws IOException {
        return Specs.JSON.readTree(run.resolve("summary.json").toFile()).path("test_neg_elbo").asDouble();
    }

    @Test
    void realFashionMnistAsNpyFilesTrainsExactlyAsItsIdxFiles(@TempDir Path root) throws IOException {
        Path debian = Path.of("/usr/share/datasets/fashion-mnist");
        Assumptions.assumeTrue(Files.exists(debian.resolve("train-images-idx3-ubyte.gz")),
                "needs apt-get install dataset-fashion-mnist");
        int n = 2000;
        Path arrays = root.resolve("arrays");
        npy(arrays.resolve("x_train.npy"), images(debian.resolve("train-images-idx3-ubyte.gz"), n, DataType.UINT8));
        npy(arrays.resolve("y_train.npy"), labels(debian.resolve("train-labels-idx1-ubyte.gz"), n));
        npy(arrays.resolve("x_test.npy"), images(debian.resolve("t10k-images-idx3-ubyte.gz"), n, DataType.UINT8));
        npy(arrays.resolve("y_test.npy"), labels(debian.resolve("t10k-labels-idx1-ubyte.gz"), n));

        ObjectNode s = Specs.tiny(arrays.toString());
        ((ObjectNode) s.get("data")).put("dataset", "npy").put("batchSize", 100).put("evalBatchSize", 500);
        ((ObjectNode) s.get("training")).put("epochs", 2);
        Path run = root.resolve("run");
        CliResult r = Vae4j.run("train", Specs.write(root.resolve("spec.json"), s), "--out", run, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("data explicit path " + arrays + " (from the spec): train 1950, validation 50, "
                + "test 2000"), r.out());
        JsonNode provenance = Specs.JSON.readTree(run.resolve("provenance.json").toFile());
        assertTrue(provenance.toString().contains("x_train.npy") && provenance.toString().contains("y_test.npy"),
                "every array file is hashed in the provenance");
        assertEquals(List.of("class 0", "class 1", "class 2", "class 3", "class 4", "class 5", "class 6", "class 7",
                "class 8", "class 9"), Specs.JSON.convertValue(Specs.JSON.readTree(
                        run.resolve("checkpoints/epoch-0002.json").toFile()).path("classNames"), List.class));

        // the same images from the IDX files, in the same order: the same run, to the last digit
        ObjectNode viaIdx = Specs.tiny(debian.toString());
        ((ObjectNode) viaIdx.get("data")).put("batchSize", 100).put("evalBatchSize", 500).put("limit", n);
        ((ObjectNode) viaIdx.get("training")).put("epochs", 2);
        CliResult idx = Vae4j.run("train", Specs.write(root.resolve("idx.json"), viaIdx), "--out", root.resolve("idx"),
                "--no-progress");
        assertEquals(0, idx.code(), idx::toString);
        assertEquals(testNegElbo(root.resolve("idx")), testNegElbo(run), 0.0);
    }

    @Test
    void anNpzOfFloatsTrainsAndAnUnnamedArrayIsAnError(@TempDir Path root) throws IOException {
        Path idx = TinyFashionMnist.write(root.resolve("idx"));
        Path npz = root.resolve("fashion.npz");
        Npz.write(npz, Map.of(
                "x_train", images(idx.resolve("train-images-idx3-ubyte.gz"), TinyFashionMnist.TRAIN, DataType.FLOAT),
                "x_test", images(idx.resolve("t10k-images-idx3-ubyte.gz"), TinyFashionMnist.TEST, DataType.FLOAT)));
        ObjectNode s = Specs.tiny(npz.toString());
        ((ObjectNode) s.get("data")).put("dataset", "npz");
        ((ObjectNode) s.get("training")).put("epochs", 1);
        Path run = root.resolve("run");
        CliResult r = Vae4j.run("train", Specs.write(root.resolve("spec.json"), s), "--out", run, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        assertEquals(0, Vae4j.run("eval", run).code());

        ((ObjectNode) s.get("data")).remove("path");
        CliResult noPath = Vae4j.run("validate", Specs.write(root.resolve("nopath.json"), s));
        assertEquals(2, noPath.code(), noPath::toString);
        assertTrue(noPath.err().contains("$.data.path: is required for npz: an .npz file holding the arrays x_train "
                + "and x_test (and y_train, y_test for labels)"), noPath.err());
    }

    @Test
    void trainingImagesAloneGiveATestSplitByFraction(@TempDir Path root) throws IOException {
        Path idx = TinyFashionMnist.write(root.resolve("idx"));
        Path npz = root.resolve("train-only.npz");
        Npz.write(npz, Map.of("x_train", images(idx.resolve("train-images-idx3-ubyte.gz"), TinyFashionMnist.TRAIN,
                DataType.UINT8), "y_train", labels(idx.resolve("train-labels-idx1-ubyte.gz"), TinyFashionMnist.TRAIN)));
        ObjectNode s = Specs.tiny(npz.toString());
        ((ObjectNode) s.get("data")).put("dataset", "npz").put("testFraction", 0.25).put("validationSplit", "random");
        ((ObjectNode) s.get("training")).put("epochs", 1);
        Path run = root.resolve("run");
        CliResult r = Vae4j.run("train", Specs.write(root.resolve("spec.json"), s), "--out", run, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        // 300 images: 75 held out as test, 50 of the other 225 as validation
        assertTrue(r.out().contains("train 175, validation 50, test 75"), r.out());
        CliResult eval = Vae4j.run("eval", run);
        assertEquals(0, eval.code(), eval::toString);
        assertTrue(eval.out().contains("\"examples\":75"), eval.out());
    }
}
