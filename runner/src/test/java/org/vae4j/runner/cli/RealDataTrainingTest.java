package org.vae4j.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example on the real Fashion-MNIST (Debian's dataset-fashion-mnist, which CI
 * installs), for one epoch: the test negative ELBO must land where the PyTorch reference lands
 * after one epoch (262.6 nats on this machine type, docs/BENCHMARKS.md), within 2%.
 */
class RealDataTrainingTest {
    private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");

    @Test
    void exampleSpecTrainsOneEpochOnFashionMnist(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.exists(DEBIAN), "needs apt-get install dataset-fashion-mnist");
        Path example = Path.of("..", "examples", "fashion-mnist-mlp-vae.json");
        Path out = tmp.resolve("run");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"train", example.toString(), "--epochs", "1", "--out", out.toString(),
                "--no-progress"}, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        assertEquals(0, code, e.toString(StandardCharsets.UTF_8));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        double negElbo = summary.get("test_neg_elbo").asDouble();
        assertEquals(10000, summary.get("test_examples").asInt());
        assertTrue(negElbo > 262.6 * 0.98 && negElbo < 262.6 * 1.02,
                "test neg-ELBO after one epoch: " + negElbo + " nats, reference 262.6");
        assertTrue(Files.size(out.resolve("images").resolve("samples-epoch-001.png")) > 1000);
    }
}
