package org.vae4j.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyFashionMnist;
import org.vae4j.runner.testing.Vae4j;

/**
 * {@code vae4j refine} on a run as training leaves it (a float32 model, as users have): SVI from the
 * encoder's posterior and from a random start, the amortization gap and the refined IW-NLL; and
 * a flow posterior refused with a usage error.
 */
class RefineCommandTest {
    @Test
    void refinesATrainedRunFromEitherStart(@TempDir Path root) throws IOException {
        Path data = TinyFashionMnist.write(root.resolve("data"));
        Path run = root.resolve("run");
        CliResult trained = Vae4j.run("train", Specs.write(root.resolve("spec.json"), Specs.tiny(data.toString())),
                "--out", run, "--no-progress");
        assertEquals(0, trained.code(), trained::toString);

        CliResult encoder = Vae4j.run("refine", run, "--limit", 50, "--steps", 100, "--iw-samples", 20);
        assertEquals(0, encoder.code(), encoder::toString);
        JsonNode e = Specs.JSON.readTree(encoder.out());
        assertEquals(50, e.path("examples").asInt(), encoder.out());
        assertEquals("encoder", e.path("init").asText());
        assertTrue(e.path("neg_elbo_refined").asDouble() < e.path("neg_elbo_encoder").asDouble(),
                "refining the encoder's posterior tightens the ELBO: " + encoder.out());
        assertEquals(e.path("neg_elbo_encoder").asDouble() - e.path("neg_elbo_refined").asDouble(),
                e.path("amortization_gap").asDouble(), 1e-5);
        assertTrue(e.path("iw_nll_refined").asDouble() <= e.path("neg_elbo_refined").asDouble(), encoder.out());

        CliResult random = Vae4j.run("refine", run, "--limit", 50, "--steps", 100, "--init", "random");
        assertEquals(0, random.code(), random::toString);
        JsonNode r = Specs.JSON.readTree(random.out());
        assertEquals("random", r.path("init").asText());
        assertEquals(e.path("neg_elbo_encoder").asDouble(), r.path("neg_elbo_encoder").asDouble(), 0.0,
                "the amortized figure is the same whatever the start");
        assertTrue(Double.isFinite(r.path("neg_elbo_refined").asDouble()), random.out());
    }

    @Test
    void aFlowPosteriorIsRefused(@TempDir Path root) throws IOException {
        Path data = TinyFashionMnist.write(root.resolve("data"));
        ObjectNode s = Specs.tiny(data.toString());
        ((ObjectNode) s.get("model")).putObject("posterior").put("type", "planar").put("steps", 2);
        ((ObjectNode) s.get("training")).put("epochs", 1);
        Path run = root.resolve("run");
        assertEquals(0, Vae4j.run("train", Specs.write(root.resolve("spec.json"), s), "--out", run, "--no-progress")
                .code());
        CliResult refused = Vae4j.run("refine", run);
        assertEquals(ExitCode.USAGE, refused.code(), refused::toString);
        assertEquals("vae4j refine: refine optimizes a diagonal Gaussian per example; this model's posterior is a "
                + "planar flow, 2 steps, which refine does not refine\n", refused.err());
    }
}
