package org.vae4j.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyCifar10;
import org.vae4j.runner.testing.Vae4j;

/**
 * Seed 002 end to end on a CIFAR-10 data set written in the real binary format: the
 * convolutional autoencoder with the summed-MSE loss, the VAE with a Gaussian likelihood, the
 * seed's per-run flags as overrides of the example specs, and the RGB pictures of each run.
 */
class CifarEndToEndTest {
    private static final int TILE = 32 + 2;

    @TempDir
    static Path root;
    static Path data;

    @BeforeAll
    static void data() throws IOException {
        data = TinyCifar10.write(root.resolve("cifar"), 48);
    }

    /** An example spec from examples/, made small: tiny filters, batch 16, 3 epochs, the test data. */
    private static ObjectNode example(String file) throws IOException {
        ObjectNode s = (ObjectNode) Specs.JSON.readTree(examples().resolve(file).toFile());
        ObjectNode d = (ObjectNode) s.get("data");
        d.put("path", data.toString()).put("batchSize", 16).put("validation", 16).put("evalBatchSize", 32);
        ObjectNode m = (ObjectNode) s.get("model");
        m.put("latentDim", 8);
        for (String part : List.of("encoder", "decoder")) {
            ArrayNode f = ((ObjectNode) m.get(part)).putArray("filters");
            f.add(4).add(8);
        }
        ((ObjectNode) s.get("training")).put("epochs", 3);
        ((ObjectNode) s.get("optimizer")).put("lr", 0.003);
        return s;
    }

    static Path examples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples")) && Files.isRegularFile(p.resolve("examples/cifar10-conv-ae.json"))) {
                return p.resolve("examples");
            }
        }
        throw new IllegalStateException("examples/ not found above " + Path.of("").toAbsolutePath());
    }

    private static List<double[]> metrics(Path run) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(","));
        List<double[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] v = l.split(",", -1);
            double[] row = new double[header.size()];
            for (int i = 0; i < header.size(); i++) {
                row[i] = v[i].isEmpty() ? Double.NaN : Double.parseDouble(v[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static int column(Path run, String name) throws IOException {
        List<String> header = Arrays.asList(Files.readAllLines(run.resolve("metrics.csv")).get(0).split(","));
        assertTrue(header.contains(name), header::toString);
        return header.indexOf(name);
    }

    /**
     * Asserts the picture exists, is shaped like its grid of 32x32 tiles (its scale and borders are
     * the picture writer's business) and is in colour.
     */
    private static void assertRgbGrid(Path png, int columns, int rows) throws IOException {
        BufferedImage img = assertGrid(png, columns, rows);
        boolean colour = false;
        for (int y = 0; y < img.getHeight() && !colour; y++) {
            for (int x = 0; x < img.getWidth() && !colour; x++) {
                int p = img.getRGB(x, y);
                colour = Math.abs(((p >> 16) & 0xFF) - (p & 0xFF)) > 20;
            }
        }
        assertTrue(colour, png + " has no pixel whose red differs from its blue");
    }

    /** Asserts the picture exists and is shaped like its grid of 32x32 tiles. */
    private static BufferedImage assertGrid(Path png, int columns, int rows) throws IOException {
        assertTrue(Files.isRegularFile(png), png::toString);
        BufferedImage img = ImageIO.read(png.toFile());
        double expected = (columns * TILE + 2) / (double) (rows * TILE + 2);
        double actual = img.getWidth() / (double) img.getHeight();
        assertTrue(Math.abs(actual / expected - 1) < 0.15, png + " is " + img.getWidth() + "x" + img.getHeight()
                + ", not shaped like " + columns + " x " + rows + " tiles");
        assertTrue(img.getWidth() >= columns * 32 && img.getHeight() >= rows * 32, png + " is too small");
        return img;
    }

    @Test
    void autoencoderWithSummedMseTrainsAndWritesItsPictures() throws IOException {
        Path spec = Specs.write(root.resolve("ae/spec.json"), example("cifar10-conv-ae.json"));
        Path run = root.resolve("runs/ae_latent8");
        CliResult r = Vae4j.run("train", spec, "--log-dir", run, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        List<double[]> m = metrics(run);
        int loss = column(run, "train_reconstruction");
        assertEquals(3, m.size());
        assertTrue(m.get(2)[loss] < 0.95 * m.get(0)[loss], "the summed squared error falls: " + m.get(0)[loss] + " -> "
                + m.get(2)[loss]);
        List<String> header = Arrays.asList(Files.readAllLines(run.resolve("metrics.csv")).get(0).split(","));
        assertEquals(List.of("epoch", "train_reconstruction", "validation_reconstruction", "test_reconstruction",
                "seconds", "train_samples_per_s"), header, "an autoencoder reports its loss, no KL, ELBO or bits");
        JsonNode resolved = Specs.JSON.readTree(run.resolve("spec.json").toFile());
        assertEquals("autoencoder", resolved.path("objective").path("type").asText());
        assertEquals("mse", resolved.path("model").path("likelihood").path("type").asText());
        JsonNode summary = Specs.JSON.readTree(run.resolve("summary.json").toFile());
        assertEquals(48, summary.path("test_examples").asInt());
        assertTrue(summary.path("test_reconstruction").asDouble() > 0);
        assertTrue(summary.path("test_neg_elbo").isMissingNode(), "an autoencoder has no ELBO: " + summary);
        for (int e = 1; e <= 3; e++) {
            assertGrid(run.resolve(String.format("images/samples-epoch-%03d.png", e)), 8, 8);
        }
        // test inputs over their reconstructions: 16 columns, 2 rows
        assertRgbGrid(run.resolve("images/reconstructions.png"), 16, 2);
    }

    @Test
    void vaeWithAGaussianLikelihoodAndTheSeedsFlagsAsOverrides() throws IOException {
        Path spec = Specs.write(root.resolve("vae/spec.json"), example("cifar10-conv-vae.json"));
        Path run = root.resolve("runs/vae_latent_beta_annealing");
        CliResult r = Vae4j.run("train", spec, "--loss-mode", "vae", "--latent-size", "6", "--target-beta", "1.2",
                "--beta-mode", "linear", "--log-dir", run, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        JsonNode resolved = Specs.JSON.readTree(run.resolve("spec.json").toFile());
        assertEquals("elbo", resolved.path("objective").path("type").asText());
        assertEquals(6, resolved.path("model").path("latentDim").asInt());
        assertEquals("linear", resolved.path("objective").path("beta").path("type").asText());
        assertEquals(1.2, resolved.path("objective").path("beta").path("target").asDouble());
        assertEquals("gaussian", resolved.path("model").path("likelihood").path("type").asText());
        List<double[]> m = metrics(run);
        int beta = column(run, "beta");
        // linear annealing: 0 at epoch 0, the target at the last epoch
        assertEquals(0.0, m.get(0)[beta], 1e-12);
        assertEquals(0.6, m.get(1)[beta], 1e-12);
        assertEquals(1.2, m.get(2)[beta], 1e-12);
        int rec = column(run, "train_reconstruction");
        assertTrue(m.get(2)[rec] < m.get(0)[rec], "the reconstruction term falls: " + m.get(0)[rec] + " -> "
                + m.get(2)[rec]);
        assertTrue(m.get(2)[column(run, "train_kl")] > 0);
        assertGrid(run.resolve("images/samples-epoch-003.png"), 8, 8);
        assertRgbGrid(run.resolve("images/reconstructions.png"), 16, 2);
    }

    @Test
    void lossModeAeTurnsTheVaeSpecIntoAnAutoencoderAndTargetBetaSetsAConstantBeta() throws IOException {
        ObjectNode s = example("cifar10-conv-vae.json");
        ((ObjectNode) s.get("training")).put("epochs", 1);
        Path spec = Specs.write(root.resolve("flags/spec.json"), s);
        Path ae = root.resolve("runs/flags-ae");
        CliResult r = Vae4j.run("train", spec, "--loss-mode", "ae", "--latent-size", "16", "--out", ae,
                "--no-progress");
        assertEquals(0, r.code(), r::toString);
        JsonNode resolved = Specs.JSON.readTree(ae.resolve("spec.json").toFile());
        assertEquals("autoencoder", resolved.path("objective").path("type").asText());
        assertEquals(16, resolved.path("model").path("latentDim").asInt());
        Path beta = root.resolve("runs/flags-beta");
        r = Vae4j.run("train", spec, "--target-beta", "0.8", "--out", beta, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        resolved = Specs.JSON.readTree(beta.resolve("spec.json").toFile());
        assertEquals("constant", resolved.path("objective").path("beta").path("type").asText());
        assertEquals(0.8, resolved.path("objective").path("beta").path("value").asDouble());
        assertEquals(0.8, metrics(beta).get(0)[column(beta, "beta")], 1e-12);
    }
}
