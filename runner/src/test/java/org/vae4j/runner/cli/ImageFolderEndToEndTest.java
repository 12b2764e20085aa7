package org.vae4j.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.vae4j.runner.assemble.DataAssembler;
import org.vae4j.runner.pictures.RunFigures;
import org.vae4j.runner.plugins.ProviderRegistry;
import org.vae4j.runner.run.RunDirectory;
import org.vae4j.runner.run.TrainedModel;
import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyFashionMnist;
import org.vae4j.runner.testing.Vae4j;

/**
 * A folder of PNG files as a user brings it: Fashion-MNIST images written as PNGs under
 * train/&lt;class&gt;/ and test/&lt;class&gt;/, trained on from a spec, with the class names taken
 * from the folders into the checkpoints and the pictures.
 */
class ImageFolderEndToEndTest {
    private static final int SIDE = 28;
    private static final List<String> NAMES = List.of("tshirt", "trouser", "pullover", "dress", "coat", "sandal",
            "shirt", "sneaker", "bag", "boot");

    /** Writes n images of an IDX pair as PNG files into split/&lt;class&gt;/NNNNN.png. */
    private static void writePngs(Path images, Path labels, int n, Path split) throws IOException {
        byte[] px = TinyFashionMnist.gunzip(images);
        byte[] lb = TinyFashionMnist.gunzip(labels);
        for (int i = 0; i < n; i++) {
            BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    img.getRaster().setSample(x, y, 0, px[16 + (i * SIDE + y) * SIDE + x] & 0xff);
                }
            }
            Path f = split.resolve(NAMES.get(lb[8 + i])).resolve(String.format("%05d.png", i));
            Files.createDirectories(f.getParent());
            ImageIO.write(img, "png", f.toFile());
        }
    }

    private static ObjectNode spec(Path folder) {
        ObjectNode s = Specs.tiny(folder.toString());
        ((ObjectNode) s.get("data")).put("dataset", "image-folder");
        return s;
    }

    @Test
    void aFolderOfPngsTrainsAndNamesItsClasses(@TempDir Path root) throws IOException {
        Path idx = TinyFashionMnist.write(root.resolve("idx"));
        Path folder = root.resolve("pictures");
        writePngs(idx.resolve("train-images-idx3-ubyte.gz"), idx.resolve("train-labels-idx1-ubyte.gz"),
                TinyFashionMnist.TRAIN, folder.resolve("train"));
        writePngs(idx.resolve("t10k-images-idx3-ubyte.gz"), idx.resolve("t10k-labels-idx1-ubyte.gz"),
                TinyFashionMnist.TEST, folder.resolve("test"));
        Path run = root.resolve("run");
        CliResult r = Vae4j.run("train", Specs.write(root.resolve("spec.json"), spec(folder)), "--out", run,
                "--no-progress");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("data explicit path " + folder + " (from the spec): train 250, validation 50, "
                + "test 100"), r.out());
        JsonNode latest = Specs.JSON.readTree(run.resolve("checkpoints/epoch-0003.json").toFile());
        // sorted folder names, as torchvision's ImageFolder numbers them
        assertEquals(List.of("bag", "boot", "coat", "dress", "pullover", "sandal", "shirt", "sneaker", "trouser",
                "tshirt"), Specs.JSON.convertValue(latest.path("classNames"), List.class));
        JsonNode provenance = Specs.JSON.readTree(run.resolve("provenance.json").toFile());
        assertTrue(provenance.toString().contains("00007.png"), "every image file is hashed in the provenance");
        assertTrue(Files.size(run.resolve("images/latent-scatter.svg")) > 0);
        TrainedModel tm = TrainedModel.load(RunDirectory.open(run), ProviderRegistry.discover(List.of()));
        assertEquals(List.of("bag", "boot", "coat", "dress", "pullover", "sandal", "shirt", "sneaker", "trouser",
                "tshirt"), tm.data().classNames(), "a reopened run knows its classes without reading the folder");
        XYChart chart = new RunFigures(tm.spec(), tm.model(), DataAssembler.load(tm.spec(), run, System.getenv(),
                "spec"), run).scatterChart(Integer.MAX_VALUE, 0);
        assertEquals(tm.data().classNames(), new ArrayList<>(chart.getSeriesMap().keySet()), "the scatter's legend");
        assertEquals(0, Vae4j.run("eval", run).code());
    }

    @Test
    void realFashionMnistAsPngsTrainsLikeItsIdxFiles(@TempDir Path root) throws IOException {
        Path debian = Path.of("/usr/share/datasets/fashion-mnist");
        Assumptions.assumeTrue(Files.exists(debian.resolve("train-images-idx3-ubyte.gz")),
                "needs apt-get install dataset-fashion-mnist");
        Path folder = root.resolve("pictures");
        writePngs(debian.resolve("train-images-idx3-ubyte.gz"), debian.resolve("train-labels-idx1-ubyte.gz"), 2000,
                folder.resolve("train"));
        writePngs(debian.resolve("t10k-images-idx3-ubyte.gz"), debian.resolve("t10k-labels-idx1-ubyte.gz"), 500,
                folder.resolve("test"));
        ObjectNode s = spec(folder);
        ((ObjectNode) s.get("data")).put("validation", 0).put("batchSize", 100).put("evalBatchSize", 500);
        ((ObjectNode) s.get("training")).put("epochs", 2);
        Path run = root.resolve("run");
        CliResult r = Vae4j.run("train", Specs.write(root.resolve("spec.json"), s), "--out", run, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        // the same images from the IDX files, in IDX order: the same data, so a figure in the same range
        ObjectNode viaIdx = Specs.tiny(debian.toString());
        ((ObjectNode) viaIdx.get("data")).put("validation", 0).put("batchSize", 100).put("evalBatchSize", 500)
                .put("limit", 2000);
        ((ObjectNode) viaIdx.get("training")).put("epochs", 2);
        CliResult idx = Vae4j.run("train", Specs.write(root.resolve("idx.json"), viaIdx), "--out", root.resolve("idx"),
                "--no-progress");
        assertEquals(0, idx.code(), idx::toString);
        double pngFigure = Specs.JSON.readTree(run.resolve("summary.json").toFile()).path("test_neg_elbo").asDouble();
        double idxFigure = Specs.JSON.readTree(root.resolve("idx/summary.json").toFile()).path("test_neg_elbo")
                .asDouble();
        // IDX's limit takes the first 500 test images too; the orders of training differ
        assertEquals(idxFigure, pngFigure, 0.03 * idxFigure, "PNG " + pngFigure + " against IDX " + idxFigure);
    }
}
