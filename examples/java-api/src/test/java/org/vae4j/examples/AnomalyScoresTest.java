package org.vae4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.runner.inference.RunModel;
import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyFashionMnist;
import org.vae4j.runner.testing.Vae4j;

/**
 * vae4j used as a library, from a module of its own as a user's project would: a run trained by
 * the command line, opened with {@link RunModel}, its methods checked against what the command
 * line says of the same run, and the example program ranking a noise image above real ones.
 */
class AnomalyScoresTest {
    private static final int SIDE = 28;
    @TempDir
    static Path root;
    static Path run;
    /** The tiny data set's test images as intensities in [0, 1]. */
    static float[][] test;

    @BeforeAll
    static void train() throws IOException {
        Path data = TinyFashionMnist.write(root.resolve("data"));
        ObjectNode spec = Specs.tiny(data.toString());
        ((ObjectNode) spec.get("training")).put("epochs", 5).put("testEachEpoch", false);
        run = root.resolve("run");
        CliResult r = Vae4j.run("train", Specs.write(root.resolve("spec.json"), spec), "--out", run, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        byte[] raw = TinyFashionMnist.gunzip(data.resolve("t10k-images-idx3-ubyte.gz"));
        test = new float[TinyFashionMnist.TEST][SIDE * SIDE];
        for (int i = 0; i < test.length; i++) {
            for (int j = 0; j < SIDE * SIDE; j++) {
                test[i][j] = (raw[16 + i * SIDE * SIDE + j] & 0xff) / 255f;
            }
        }
    }

    @Test
    void theRunOpensWithWhatItWasTrainedOn() throws IOException {
        RunModel vae = RunModel.open(run);
        assertArrayEquals(new long[] {1, SIDE, SIDE}, vae.imageShape());
        assertEquals(SIDE * SIDE, vae.dimensions());
        assertEquals(4, vae.latentDim());
        assertEquals(5, vae.epochs());
        assertTrue(vae.describe().contains("encoder: Dense(784 -> 32)"), vae.describe());
    }

    @Test
    void scoresAverageToWhatEvalReports() throws IOException {
        RunModel vae = RunModel.open(run);
        double[] nats = vae.negativeElbo(test, 3);
        assertEquals(test.length, nats.length);
        double mean = Arrays.stream(nats).average().orElseThrow();
        CliResult eval = Vae4j.run("eval", run);
        double reported = Specs.JSON.readTree(eval.out()).path("neg_elbo").asDouble();
        // one posterior sample per image on both sides, from different streams
        assertEquals(reported, mean, 0.02 * reported, "eval says " + reported);
        assertArrayEquals(nats, vae.negativeElbo(test, 3), "the same seed gives the same scores");
        double iw = Arrays.stream(vae.importanceWeightedNll(test, 64, 3)).average().orElseThrow();
        assertTrue(iw < mean, "the importance-weighted bound is tighter: " + iw + " vs " + mean);
    }

    @Test
    void encodeDecodeSampleAndReconstructGiveImagesAndCodes() throws IOException {
        RunModel vae = RunModel.open(run);
        float[][] codes = vae.encode(Arrays.copyOf(test, 7));
        assertEquals(7, codes.length);
        assertEquals(4, codes[0].length);
        float[][] decoded = vae.decode(codes);
        float[][] rebuilt = vae.reconstruct(Arrays.copyOf(test, 7));
        assertArrayEquals(decoded, rebuilt, "a VAE reconstructs by decoding the posterior mean");
        float[][] drawn = vae.sample(5, 11);
        assertEquals(5, drawn.length);
        assertArrayEquals(drawn, vae.sample(5, 11));
        for (float[] row : drawn) {
            assertEquals(SIDE * SIDE, row.length);
            for (float v : row) {
                assertTrue(v >= 0 && v <= 1, "intensity " + v);
            }
        }
    }

    @Test
    void imagesOfTheWrongSizeOrRangeAreRefusedNamingWhich() throws IOException {
        RunModel vae = RunModel.open(run);
        float[][] bad = {test[0], new float[100]};
        assertEquals("image 1 has 100 values; this model takes 784 (1x28x28)",
                assertThrows(IllegalArgumentException.class, () -> vae.negativeElbo(bad, 1)).getMessage());
        float[][] bright = {test[0].clone()};
        bright[0][5] = 255;
        assertEquals("image 0, value 5 is 255.0; intensities must be in [0, 1]",
                assertThrows(IllegalArgumentException.class, () -> vae.encode(bright)).getMessage());
    }

    @Test
    void theExampleRanksANoiseImageAboveRealOnes() throws IOException {
        RunModel vae = RunModel.open(run);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            files.add(png(root.resolve("test-" + i + ".png"), test[i]));
        }
        Random random = new Random(5);
        float[] noise = new float[SIDE * SIDE];
        for (int j = 0; j < noise.length; j++) {
            noise[j] = random.nextFloat();
        }
        files.add(png(root.resolve("noise.png"), noise));
        List<AnomalyScores.Scored> scores = AnomalyScores.score(vae, files);
        assertEquals(root.resolve("noise.png"), scores.get(0).file(), scores::toString);
        // PNG keeps the 8-bit pixels exactly, so a file is read back as the array it was written from
        assertArrayEquals(test[0], AnomalyScores.read(files.get(0), 1, SIDE, SIDE));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AnomalyScores.print(scores, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow().endsWith("noise.png"));
    }

    private static Path png(Path file, float[] pixels) throws IOException {
        BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                img.getRaster().setSample(x, y, 0, Math.round(pixels[y * SIDE + x] * 255));
            }
        }
        ImageIO.write(img, "png", Files.newOutputStream(file));
        return file;
    }
}
