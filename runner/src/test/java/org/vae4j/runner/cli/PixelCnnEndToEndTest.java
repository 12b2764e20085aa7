package org.vae4j.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyFashionMnist;
import org.vae4j.runner.testing.Vae4j;

/**
 * A VAE with a PixelCNN decoder through the command line: it trains, its pictures are drawn pixel
 * by pixel (binary pixels for binary data), eval gives the importance-weighted estimate, and the
 * same spec gives the same numbers twice.
 */
class PixelCnnEndToEndTest {
    @TempDir
    static Path root;
    static Path specFile;
    static Path run;
    static CliResult trained;

    @BeforeAll
    static void trainOnce() throws IOException {
        TinyFashionMnist.write(root.resolve("experiment/data"));
        var spec = Specs.tinyPixelCnn("data");
        ((com.fasterxml.jackson.databind.node.ObjectNode) spec.get("data")).put("transform", "binarize");
        specFile = Specs.write(root.resolve("experiment/pixelcnn.json"), spec);
        run = root.resolve("runs/pixelcnn");
        trained = Vae4j.run("train", specFile, "--out", run, "--no-progress");
        assertEquals(0, trained.code(), trained::toString);
    }

    @Test
    void trainsAndDrawsBinaryPicturesPixelByPixel() throws IOException {
        assertTrue(trained.out().contains("decoder: PixelCNN(z 4 -> Dense -> 4x28x28 + MaskedConv2d(A, 1 -> 4, kernel 5"),
                trained.out());
        for (String f : List.of("samples-epoch-001.png", "reconstructions.png")) {
            BufferedImage img = ImageIO.read(run.resolve("images").resolve(f).toFile());
            assertTrue(img.getWidth() > 100, f);
        }
        Path out = root.resolve("s.png");
        CliResult sample = Vae4j.run("sample", run, "--n", 4, "--out", out);
        assertEquals(0, sample.code(), sample::toString);
        BufferedImage img = ImageIO.read(out.toFile());
        // a Bernoulli PixelCNN's picture is of drawn pixels: black or white, besides the grid lines
        int grey = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int v = img.getRGB(x, y) & 0xff;
                if (v != 0 && v != 255 && v != 128) {
                    grey++;
                }
            }
        }
        assertEquals(0, grey, "pixels neither black nor white");
    }

    @Test
    void evalGivesTheImportanceWeightedEstimateBelowTheNegativeElbo() throws IOException {
        CliResult eval = Vae4j.run("eval", run, "--iw-samples", 20);
        assertEquals(0, eval.code(), eval::toString);
        JsonNode e = Specs.JSON.readTree(eval.out());
        assertTrue(e.path("iw_nll").asDouble() < e.path("neg_elbo").asDouble(), eval.out());
    }

    @Test
    void theSameSpecGivesTheSameNumbers() throws IOException {
        Path again = root.resolve("runs/again");
        CliResult second = Vae4j.run("train", specFile, "--out", again, "--no-progress");
        assertEquals(0, second.code(), second::toString);
        assertEquals(CliEndToEndTest.withoutTiming(run.resolve("metrics.csv")),
                CliEndToEndTest.withoutTiming(again.resolve("metrics.csv")));
    }
}
