package org.vae4j.runner.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command as a user runs it: the {@code vae4j} launcher in a real terminal (a
 * pseudo-terminal made by util-linux's {@code script}), on the real Fashion-MNIST. It once hung
 * there: the progress bar's terminal library started {@code stty} as a child process and the
 * JVM's process reaper overflowed its stack under the OpenBLAS the launcher then preloaded. A run
 * that does not finish in the time limit fails this test; {@code ConsoleProgressTest} checks that
 * the bar never asks for a terminal at all.
 *
 * <p>An integration test (failsafe, after {@code package}): the launcher runs the jar the build
 * just made.
 */
class LauncherInTerminalIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");
    private static final int LIMIT_SECONDS = 300;

    @Test
    void theReadmeCommandFinishesInATerminal(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.exists(DEBIAN), "needs apt-get install dataset-fashion-mnist");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs util-linux's script");
        ObjectMapper json = new ObjectMapper();
        ObjectNode spec = (ObjectNode) json.readTree(ROOT.resolve("examples/fashion-mnist-mlp-vae.json").toFile());
        spec.put("name", "tty-smoke");
        ((ObjectNode) spec.get("data")).put("limit", 3000).put("validation", 300);
        ((ObjectNode) spec.get("training")).put("epochs", 1);
        Path specFile = tmp.resolve("spec.json");
        json.writeValue(specFile.toFile(), spec);
        Path run = tmp.resolve("run");
        String command = quote(ROOT.resolve("vae4j").toString()) + " train " + quote(specFile.toString())
                + " --out " + quote(run.toString());
        Path transcript = tmp.resolve("terminal.txt");
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", command, "/dev/null")
                .redirectErrorStream(true).redirectOutput(transcript.toFile());
        pb.environment().put("VAE4J_JAVA_OPTS", "-Xmx2g");
        pb.environment().remove("LD_PRELOAD");
        Process p = pb.start();
        boolean finished = p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
        String out = Files.readString(transcript, StandardCharsets.UTF_8);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        assertTrue(finished, "vae4j train did not finish in " + LIMIT_SECONDS + " s in a terminal:\n" + out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("epoch 1/1") && out.contains("img/s"), "a terminal gets the progress bar:\n" + out);
        assertTrue(out.contains("test: neg_elbo"), out);
        assertTrue(Files.isRegularFile(run.resolve("summary.json")), out);
        JsonNode provenance = json.readTree(run.resolve("provenance.json").toFile());
        assertTrue(provenance.path("threadEnvironment").path("LD_PRELOAD").isNull(), "the launcher preloads nothing");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
