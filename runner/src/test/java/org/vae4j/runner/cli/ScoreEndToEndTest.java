package org.vae4j.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.runner.report.RunReport;
import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyFashionMnist;
import org.vae4j.runner.testing.Vae4j;

/**
 * {@code vae4j score} on the tiny data: the reference classifier is trained once and then read
 * from the cache, the score is reproducible, real images score better than a barely trained
 * model's samples, the score is kept with the run and shown in its report, and a damaged cache
 * is retrained rather than trusted.
 */
class ScoreEndToEndTest {
    @TempDir
    static Path root;
    static Path run;
    static Path cache;
    static CliResult first;
    static JsonNode firstScore;

    @BeforeAll
    static void trainAndScore() throws IOException {
        TinyFashionMnist.write(root.resolve("data"));
        ObjectNode spec = Specs.tiny("data");
        ((ObjectNode) spec.get("training")).put("epochs", 1).put("testEachEpoch", false);
        run = root.resolve("runs/tiny");
        CliResult t = Vae4j.run("train", Specs.write(root.resolve("spec.json"), spec), "--out", run, "--no-progress");
        assertEquals(0, t.code(), t::toString);
        cache = root.resolve("cache");
        first = Vae4j.run("score", run, "--n", 200, "--cache", cache);
        assertEquals(0, first.code(), first::toString);
        firstScore = Specs.JSON.readTree(first.out());
    }

    @Test
    void theFirstScoreTrainsTheClassifierAndSaysWhere() {
        assertTrue(first.err().startsWith("vae4j score: training the reference classifier of fashion-mnist on its 300 "
                + "training images, once (5 epochs; cached in " + cache.resolve("reference-classifiers/fashion-mnist-")),
                first.err());
        for (String f : List.of("fd", "classifier_test_accuracy", "class_entropy_bits")) {
            assertTrue(firstScore.path(f).isNumber(), f + " in " + first.out());
        }
        assertEquals(200, firstScore.path("n").asInt());
        assertEquals("decoded", firstScore.path("samples").asText());
        assertEquals(7, firstScore.path("seed").asInt(), "the run's seed");
        long total = 0;
        for (JsonNode c : firstScore.path("class_counts")) {
            total += c.asLong();
        }
        assertEquals(200, total);
        assertEquals("T-shirt/top", firstScore.path("class_names").path(0).asText());
        // the tiny data's classes are stripes: a classifier of them is near perfect
        assertTrue(firstScore.path("classifier_test_accuracy").asDouble() > 0.9, first.out());
    }

    @Test
    void theSecondScoreReadsTheCacheAndRepeatsTheFigures() throws IOException {
        CliResult again = Vae4j.run("score", run, "--n", 200, "--cache", cache);
        assertEquals(0, again.code(), again::toString);
        assertEquals("", again.err(), "no training the second time");
        assertEquals(first.out(), again.out());
        Path dir = Path.of(firstScore.path("classifier").asText());
        assertTrue(Files.isRegularFile(dir.resolve("classifier.npz")));
        JsonNode meta = Specs.JSON.readTree(dir.resolve("classifier.json").toFile());
        assertEquals(1, meta.path("version").asInt());
        assertEquals(2, meta.path("training_files_sha256").size(), "the training images and labels");
    }

    @Test
    void realImagesScoreBetterThanABarelyTrainedModel() throws IOException {
        CliResult real = Vae4j.run("score", run, "--n", 200, "--cache", cache, "--real");
        assertEquals(0, real.code(), real::toString);
        JsonNode r = Specs.JSON.readTree(real.out());
        assertEquals("training images", r.path("samples").asText());
        assertTrue(r.path("fd").asDouble() < firstScore.path("fd").asDouble() / 2, r + " vs " + firstScore);
        assertTrue(r.path("class_entropy_bits").asDouble() > 3.2, "the tiny data's classes are balanced: " + r);
    }

    @Test
    void theScoreIsKeptWithTheRunAndShownInItsReport() throws IOException {
        JsonNode saved = Specs.JSON.readTree(run.resolve(RunReport.SCORE_FILE).toFile());
        assertEquals(firstScore.path("fd").asDouble(), saved.path("fd").asDouble(), 0);
        String report = Files.readString(run.resolve(RunReport.FILE));
        assertTrue(report.contains("<h2 id=\"score\">Sample score</h2>"), "report section");
        assertTrue(report.contains(String.format(java.util.Locale.ROOT, "<td>%.3f</td>", firstScore.path("fd").asDouble())));
    }

    @Test
    void aDamagedCacheIsTrainedAgainNotTrusted() throws IOException {
        Path other = root.resolve("damaged-cache");
        assertEquals(0, Vae4j.run("score", run, "--n", 50, "--cache", other).code());
        Path dir;
        try (var s = Files.list(other.resolve("reference-classifiers"))) {
            dir = s.findFirst().orElseThrow();
        }
        Files.write(dir.resolve("classifier.npz"), new byte[] {1, 2, 3});
        CliResult r = Vae4j.run("score", run, "--n", 50, "--cache", other);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().startsWith("vae4j score: the cached reference classifier in " + dir + " is unreadable ("),
                r.err());
        assertTrue(r.err().contains("training the reference classifier"), r.err());
    }

    @Test
    void badArgumentsAreUsageErrors() {
        CliResult n = Vae4j.run("score", run, "--n", 1, "--cache", cache);
        assertEquals(ExitCode.USAGE, n.code());
        assertEquals("vae4j score: --n must be from 2 to 100000, got 1\n", n.err());
        CliResult both = Vae4j.run("score", run, "--real", "--draw", "--cache", cache);
        assertEquals(ExitCode.USAGE, both.code());
    }
}
