package org.vae4j.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.engine.io.Npz;
import org.vae4j.runner.report.RunReport;
import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyFashionMnist;
import org.vae4j.runner.testing.Vae4j;

/**
 * A model family other than the VAE through the whole command line: a tiny DCGAN (batch
 * normalization in both networks, two parameter groups with an optimizer each, two phases per
 * iteration) trains, resumes bit for bit, samples, interpolates, plots and evaluates, with the
 * pictures that follow from what a GAN can do and none it cannot.
 */
class GanEndToEndTest {
    @TempDir
    static Path root;
    static Path specFile;
    static Path run;
    static CliResult trained;

    /** torch_gan.py's DCGAN, narrowed to 4 and 8 channels and 16 latent dimensions; data in ./data. */
    static ObjectNode tinyDcgan() {
        return Specs.tinyDcgan("data");
    }

    @BeforeAll
    static void trainOnce() throws IOException {
        TinyFashionMnist.write(root.resolve("experiment/data"));
        specFile = Specs.write(root.resolve("experiment/gan.json"), tinyDcgan());
        run = root.resolve("runs/gan");
        trained = Vae4j.run("train", specFile, "--out", run, "--no-progress");
        assertEquals(0, trained.code(), trained::toString);
    }

    @Test
    void trainingReportsBothPlayersAndWritesTheGansPictures() throws IOException {
        List<String> lines = trained.out().lines().toList();
        assertTrue(lines.get(0).startsWith("tiny-dcgan: generator: Dense(16 -> 392) -> BatchNorm1d(392) -> ReLU"),
                lines.get(0));
        assertTrue(lines.get(0).contains("; discriminator: Reshape(784 -> 1x28x28) -> Conv2d(1 -> 4, kernel 4, "
                + "stride 2, padding 1; 1x28x28 -> 4x14x14) -> LeakyReLU(0.2)"), lines.get(0));
        assertTrue(lines.get(1).matches("epoch 1:  train loss_d \\d+\\.\\d+, loss_g \\d+\\.\\d+, d_real 0\\.\\d+, "
                + "d_fake 0\\.\\d+  .*"), lines.get(1));
        assertTrue(lines.get(3).startsWith("test: loss_d "), lines.get(3));
        for (String f : List.of("samples-epoch-001.png", "samples-epoch-002.png", "interpolation.png",
                "learning-curve.png", "learning-curve-d.png")) {
            BufferedImage img = ImageIO.read(run.resolve("images").resolve(f).toFile());
            assertTrue(img.getWidth() > 100, f);
        }
        for (String none : List.of("reconstructions.png", "latent-scatter.png", "manifold-grid.png",
                "learning-curve-points.png")) {
            assertFalse(Files.exists(run.resolve("images").resolve(none)), none + ": a GAN has no encoder or density");
        }
        String report = Files.readString(run.resolve(RunReport.FILE));
        assertTrue(report.contains("loss_d") && report.contains("samples-epoch-002.png"), "report.html");
    }

    @Test
    void metricsAndSummaryHoldTheModelsOwnFigures() throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
        // the columns are the same whether or not a split is evaluated: no validation split here
        assertEquals("epoch,train_loss_d,train_loss_g,train_d_real,train_d_fake,validation_loss_d,validation_loss_g,"
                + "validation_d_real,validation_d_fake,test_loss_d,test_loss_g,test_d_real,test_d_fake,seconds,"
                + "train_samples_per_s", lines.get(0));
        assertEquals(3, lines.size());
        // test figures go to summary.json (the rows have them with "testEachEpoch")
        assertTrue(lines.get(2).matches("2(,\\d+\\.\\d+){4},{9}\\d.*"), lines.get(2));
        JsonNode s = Specs.JSON.readTree(run.resolve("summary.json").toFile());
        for (String f : List.of("test_loss_d", "test_loss_g", "test_d_real", "test_d_fake")) {
            assertTrue(s.path(f).isNumber(), f + " in " + s);
        }
        double dReal = s.path("test_d_real").asDouble();
        assertTrue(dReal > 0 && dReal < 1, "a probability: " + dReal);
    }

    @Test
    void checkpointsHoldBothGroupsOptimizersAndTheBatchNormStatistics() throws IOException {
        var names = Npz.read(run.resolve("checkpoints/epoch-0002.npz")).keySet();
        for (String e : List.of("param/generator.0.weight", "param/discriminator.1.weight",
                "buffer/generator.1.runningMean", "buffer/discriminator.4.runningVar",
                "optimizer/generator/m", "optimizer/discriminator/v")) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(e)), e + " in " + names);
        }
    }

    @Test
    void resumingAfterOneEpochGivesTheSameNumbersBitForBit() throws IOException {
        CliEndToEndTest.assertResumedRunMatches(specFile, run, root.resolve("runs/resumed"), 2);
    }

    @Test
    void sampleInterpolateEvalAndPlotWork() throws IOException {
        CliResult sample = Vae4j.run("sample", run, "--n", 16, "--out", root.resolve("s.png"));
        assertEquals(0, sample.code(), sample::toString);
        assertTrue(ImageIO.read(root.resolve("s.png").toFile()).getWidth() > 50);
        CliResult interpolate = Vae4j.run("interpolate", run, "--out", root.resolve("i.png"));
        assertEquals(0, interpolate.code(), interpolate::toString);
        CliResult eval = Vae4j.run("eval", run);
        assertEquals(0, eval.code(), eval::toString);
        JsonNode e = Specs.JSON.readTree(eval.out());
        JsonNode s = Specs.JSON.readTree(run.resolve("summary.json").toFile());
        assertEquals(s.path("test_loss_d").asDouble(), e.path("loss_d").asDouble(), 0, "eval repeats the test figures");
        CliResult plot = Vae4j.run("plot", run);
        assertEquals(0, plot.code(), plot::toString);
        CliResult scatter = Vae4j.run("scatter", run, "--out", root.resolve("sc.png"));
        assertEquals(ExitCode.USAGE, scatter.code());
        assertEquals("vae4j scatter: this model has no encoder, so no latent codes of test images to plot\n",
                scatter.err());
    }
}
