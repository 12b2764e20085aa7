package org.vae4j.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyFashionMnist;
import org.vae4j.runner.testing.Vae4j;

/**
 * The hierarchical VAE through the command line: it trains, reports and charts the KL of each
 * layer, resumes bit for bit, and every command a VAE has (pictures, eval with the
 * importance-weighted estimate) works on it.
 */
class HierarchicalVaeEndToEndTest {
    @TempDir
    static Path root;
    static Path specFile;
    static Path run;
    static CliResult trained;

    @BeforeAll
    static void trainOnce() throws IOException {
        TinyFashionMnist.write(root.resolve("experiment/data"));
        specFile = Specs.write(root.resolve("experiment/hvae.json"), Specs.tinyHierarchical("data"));
        run = root.resolve("runs/hvae");
        trained = Vae4j.run("train", specFile, "--out", run, "--no-progress");
        assertEquals(0, trained.code(), trained::toString);
    }

    @Test
    void trainingReportsTheKlOfEachLayer() throws IOException {
        List<String> lines = trained.out().lines().toList();
        assertTrue(lines.get(0).startsWith("tiny-hierarchical: hierarchical VAE, z1 4, z2 2; encoder: Dense(784 -> 16)"),
                lines.get(0));
        assertTrue(lines.get(1).matches("epoch 1: beta 1\\.000  train neg_elbo \\d+\\.\\d+, reconstruction \\d+\\.\\d+, "
                + "kl \\d+\\.\\d+, kl_z1 -?\\d+\\.\\d+, kl_z2 \\d+\\.\\d+, bpd .*"), lines.get(1));
        List<String> csv = Files.readAllLines(run.resolve("metrics.csv"));
        for (String column : List.of("train_kl_z1", "train_kl_z2", "validation_kl_z1", "validation_kl_z2")) {
            assertTrue(csv.get(0).contains(column), column + " in " + csv.get(0));
        }
        JsonNode s = Specs.JSON.readTree(run.resolve("summary.json").toFile());
        assertEquals(s.path("test_kl").asDouble(), s.path("test_kl_z1").asDouble() + s.path("test_kl_z2").asDouble(),
                1e-3, s.toString());
        for (String f : List.of("learning-curve.png", "learning-curve-kl.png", "samples-epoch-002.png",
                "reconstructions.png")) {
            BufferedImage img = ImageIO.read(run.resolve("images").resolve(f).toFile());
            assertTrue(img.getWidth() > 100, f);
        }
    }

    @Test
    void checkpointsNameAllFourNetworks() throws IOException {
        var names = Npz.read(run.resolve("checkpoints/epoch-0002.npz")).keySet();
        for (String net : List.of("encoder", "upperEncoder", "upperDecoder", "decoder")) {
            assertTrue(names.contains("param/" + net + ".0.weight"), net + " in " + names);
        }
    }

    @Test
    void resumingAfterOneEpochGivesTheSameNumbersBitForBit() throws IOException {
        CliEndToEndTest.assertResumedRunMatches(specFile, run, root.resolve("runs/resumed"), 2);
    }

    @Test
    void evalGivesTheImportanceWeightedEstimateBelowTheNegativeElbo() throws IOException {
        CliResult eval = Vae4j.run("eval", run, "--iw-samples", 50);
        assertEquals(0, eval.code(), eval::toString);
        JsonNode e = Specs.JSON.readTree(eval.out());
        double iw = e.path("iw_nll").asDouble();
        assertTrue(iw > 0 && iw < e.path("neg_elbo").asDouble(), eval.out());
        // SVI refines one Gaussian per image: the two-layer posterior is not one
        CliResult refine = Vae4j.run("refine", run, "--limit", 5);
        assertEquals(ExitCode.USAGE, refine.code(), refine::toString);
        assertEquals("vae4j refine: refine needs a one-layer VAE (\"type\": \"vae\" with a variational objective), "
                + "whose posterior q(z|x) is one diagonal Gaussian per image; this run's model is not one\n", refine.err());
        for (String command : List.of("sample", "interpolate", "scatter")) {
            Path out = root.resolve(command + ".png");
            CliResult r = Vae4j.run(command, run, "--out", out);
            assertEquals(0, r.code(), r::toString);
            assertTrue(Files.size(out) > 100, command);
        }
    }
}
