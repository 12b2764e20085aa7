package org.vae4j.runner.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.vae4j.runner.cli.ExitCode;
import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.PluginJars;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyFashionMnist;
import org.vae4j.runner.testing.Vae4j;

/**
 * Dropping a jar into a plugins folder adds an architecture without rebuilding vae4j: a plugin is
 * compiled from source and jarred at test time (see {@link PluginJars}), then found by
 * {@code vae4j plugins} and used by {@code vae4j train}. Broken jars are reported with their
 * cause and do not stop the others; two providers of one name stop everything, naming both jars.
 */
class PluginJarTest {
    private static final String ROW = "%-14s %-20s %-16s %-60s %s";

    @TempDir
    static Path root;
    static Path data;

    @BeforeAll
    static void data() throws IOException {
        data = TinyFashionMnist.write(root.resolve("data"));
    }

    private static ObjectNode tinyLinearSpec() {
        ObjectNode s = Specs.tiny(data.toString());
        ObjectNode model = (ObjectNode) s.get("model");
        model.putObject("encoder").put("type", "tiny-linear");
        model.putObject("decoder").put("type", "tiny-linear").put("init", "xavier");
        ((ObjectNode) s.get("training")).put("epochs", 2).put("testEachEpoch", false);
        return s;
    }

    @Test
    void pluginsListsEachProviderWithItsTypeAndJar(@TempDir Path dir) throws IOException {
        Path jar = PluginJars.write(dir.resolve("tiny.jar"), PluginJars.TINY_LINEAR);
        CliResult r = Vae4j.run("plugins", "--plugins", dir);
        assertEquals(0, r.code(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(String.format(ROW, "KIND", "TYPE", "VERSION", "JAR", "DESCRIPTION"), lines.get(0));
        assertTrue(lines.contains(String.format(ROW, "encoder", "tiny-linear", "unversioned", jar, "one dense layer (test plugin)")),
                r.out());
        assertTrue(lines.contains(String.format(ROW, "decoder", "tiny-linear", "unversioned", jar, "one dense layer (test plugin)")),
                r.out());
        // the built-in ones are still there, from the class path
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(String.format("%-14s %-20s ", "encoder", "mlp"))), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(String.format("%-14s %-20s ", "likelihood", "bernoulli"))),
                r.out());
        assertTrue(lines.indexOf(String.format(ROW, "encoder", "tiny-linear", "unversioned", jar, "one dense layer (test plugin)"))
                < lines.indexOf(String.format(ROW, "decoder", "tiny-linear", "unversioned", jar, "one dense layer (test plugin)")),
                "grouped by kind: encoders first");
        assertEquals("", r.err());
    }

    @Test
    void trainUsesAPluginDroppedIntoAFolder(@TempDir Path dir) throws IOException {
        Path plugins = dir.resolve("plugins");
        PluginJars.write(plugins.resolve("tiny.jar"), PluginJars.TINY_LINEAR);
        Path spec = Specs.write(dir.resolve("spec.json"), tinyLinearSpec());
        Path run = dir.resolve("run");

        CliResult r = Vae4j.run("train", spec, "--plugins", plugins, "--out", run, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("tiny: encoder: Dense(784 -> 8); decoder: Dense(4 -> 784), 10200 parameters;"),
                r.out());
        List<String> rows = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals(3, rows.size(), "header + 2 epochs");
        assertTrue(Double.parseDouble(rows.get(2).split(",")[2]) < Double.parseDouble(rows.get(1).split(",")[2]),
                "the loss falls: " + rows);
        JsonNode resolved = Specs.JSON.readTree(run.resolve("spec.json").toFile());
        assertEquals("pytorch", resolved.path("model").path("encoder").path("init").asText(), "plugin defaults filled");
        assertEquals("xavier", resolved.path("model").path("decoder").path("init").asText());

        // the run recorded the jar it used, so it reopens without --plugins
        JsonNode used = Specs.JSON.readTree(run.resolve("provenance.json").toFile()).path("providers");
        JsonNode tiny = null;
        for (JsonNode e : used) {
            if (e.path("type").asText().equals("tiny-linear")) {
                tiny = e;
            }
        }
        Path jar = plugins.resolve("tiny.jar").toAbsolutePath().normalize();
        assertEquals(jar.toString(), tiny.path("jar").asText(), used.toString());
        assertEquals(64, tiny.path("sha256").asText().length());
        assertTrue(Specs.JSON.readTree(run.resolve("checkpoints/epoch-0002.json").toFile()).path("providers").size()
                >= 3, "the checkpoint records them too");
        CliResult eval = Vae4j.run("eval", run);
        assertEquals(0, eval.code(), eval::toString);

        // once the jar is gone, the message names it and says how to pass it
        Files.move(jar, dir.resolve("elsewhere.jar"));
        CliResult without = Vae4j.run("eval", run);
        assertEquals(ExitCode.PLUGINS, without.code(), without::toString);
        assertTrue(without.err().startsWith("vae4j eval: the run used encoder 'tiny-linear' (version "), without.err());
        assertTrue(without.err().contains(") from " + jar + ", which is no longer there"), without.err());
        assertTrue(without.err().endsWith(": pass the folder holding that jar with --plugins DIR\n"), without.err());
        CliResult found = Vae4j.run("eval", run, "--plugins", dir.resolve("elsewhere.jar"));
        assertEquals(0, found.code(), found::toString);
    }

    /**
     * A model family of a third party, in a jar built here and dropped into a folder, trains from a
     * spec: the engine and the runner know nothing of it. Its figures fill metrics.csv and its
     * capabilities choose its pictures (reconstructions, no samples).
     */
    @Test
    void aModelFamilyFromAPluginJarTrains(@TempDir Path dir) throws IOException {
        Path plugins = dir.resolve("plugins");
        PluginJars.write(plugins.resolve("tiny-family.jar"), List.of(PluginJars.TINY_AE_FAMILY));
        ObjectNode s = Specs.tiny(data.toString());
        s.set("model", Specs.JSON.createObjectNode().put("type", "tiny-ae").put("code", 6));
        s.remove("objective");
        ((ObjectNode) s.get("training")).put("epochs", 2).put("testEachEpoch", false);
        Path spec = Specs.write(dir.resolve("spec.json"), s);
        Path run = dir.resolve("run");
        CliResult r = Vae4j.run("train", spec, "--plugins", plugins, "--out", run, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("tiny: tiny autoencoder: Dense(784 -> 6) -> Tanh -> Dense(6 -> 784), 10198 parameters;"),
                r.out());
        List<String> rows = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals("epoch,train_mse,validation_mse,test_mse,seconds,train_samples_per_s", rows.get(0));
        assertEquals(3, rows.size());
        assertTrue(Double.parseDouble(rows.get(2).split(",")[1]) < Double.parseDouble(rows.get(1).split(",")[1]),
                "the loss falls: " + rows);
        JsonNode summary = Specs.JSON.readTree(run.resolve("summary.json").toFile());
        assertTrue(summary.path("test_mse").asDouble() > 0, summary.toString());
        assertTrue(Files.isRegularFile(run.resolve("images/reconstructions.png")));
        assertTrue(Files.isRegularFile(run.resolve("images/learning-curve.png")));
        assertFalse(Files.exists(run.resolve("images/samples-epoch-002.png")), "the model cannot sample");
        assertTrue(Files.isRegularFile(run.resolve("checkpoints/epoch-0002.npz")));
        CliResult eval = Vae4j.run("eval", run, "--plugins", plugins);
        assertEquals(0, eval.code(), eval::toString);
        assertTrue(eval.out().contains("\"mse\""), eval.out());
        CliResult sample = Vae4j.run("sample", run, "--plugins", plugins);
        assertEquals(ExitCode.USAGE, sample.code(), sample::toString);
        assertEquals("vae4j sample: this model cannot draw new examples (it has no prior to sample)\n", sample.err());
    }

    @Test
    void twoJarsWithTheSameProviderNameStopOnlyTheSpecsThatNameIt(@TempDir Path dir) throws IOException {
        Path a = PluginJars.write(dir.resolve("a-tiny.jar"), PluginJars.TINY_LINEAR);
        Path b = PluginJars.write(dir.resolve("b-tiny-copy.jar"), PluginJars.TINY_LINEAR);
        String expected = "two encoder providers are named 'tiny-linear': one in " + a + ", one in " + b
                + "; remove one of the jars";
        // the listing shows both, and says what conflicts
        CliResult r = Vae4j.run("plugins", "--plugins", dir);
        assertEquals(0, r.code(), r::toString);
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("encoder        tiny-linear")).count(), r.out());
        assertTrue(r.out().contains("CONFLICT: " + b + ": " + expected), r.out());
        assertTrue(r.err().contains("warning: " + b + ": " + expected), r.err());

        // a spec naming it stops before anything is written
        Path spec = Specs.write(dir.resolve("spec.json"), tinyLinearSpec());
        CliResult train = Vae4j.run("train", spec, "--plugins", dir, "--out", dir.resolve("run"), "--no-progress");
        assertEquals(ExitCode.PLUGINS, train.code(), train::toString);
        assertEquals(6, train.code());
        assertTrue(train.err().endsWith("vae4j train: " + expected + "\n"), train.err());
        assertTrue(Files.notExists(dir.resolve("run")), "nothing is written before the plugins are sorted out");

        // a spec that does not still runs
        Path data = TinyFashionMnist.write(dir.resolve("data"));
        ObjectNode other = Specs.tiny(data.toString());
        ((ObjectNode) other.get("training")).put("epochs", 1);
        CliResult fine = Vae4j.run("train", Specs.write(dir.resolve("other.json"), other), "--plugins", dir, "--out",
                dir.resolve("other-run"), "--no-progress");
        assertEquals(0, fine.code(), fine::toString);
    }

    /**
     * A plugin whose classes need a library jar: in a subfolder of the plugin folder, the plugin
     * jar and its dependency share one class loader; the plugin jar alone is reported, naming the
     * class it misses.
     */
    @Test
    void aPluginSubfolderHoldsThePluginAndItsDependencies(@TempDir Path dir) throws IOException {
        java.util.function.Predicate<String> library = n -> n.startsWith("com/example/tiny/TinyLinearConfig");
        Path plugins = dir.resolve("plugins");
        PluginJars.write(plugins.resolve("tiny-linear/tiny.jar"), PluginJars.TINY_LINEAR, library.negate());
        PluginJars.write(plugins.resolve("tiny-linear/lib-config.jar"), List.of(), library);
        Path spec = Specs.write(dir.resolve("spec.json"), tinyLinearSpec());
        CliResult r = Vae4j.run("train", spec, "--plugins", plugins, "--out", dir.resolve("run"), "--no-progress",
                "--epochs", 1);
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());

        Path alone = dir.resolve("alone");
        Path jar = PluginJars.write(alone.resolve("tiny.jar"), PluginJars.TINY_LINEAR, library.negate());
        CliResult p = Vae4j.run("plugins", "--plugins", alone);
        assertEquals(0, p.code(), p::toString);
        assertTrue(p.err().contains("warning: plugin not loaded: " + jar + ": "), p.err());
        assertTrue(p.err().contains("com/example/tiny/TinyLinearConfig"), p.err());
    }

    @Test
    void brokenJarsAreReportedWhileTheOthersStillLoad(@TempDir Path dir) throws IOException {
        Path good = PluginJars.write(dir.resolve("tiny.jar"), PluginJars.TINY_LINEAR);
        Path garbage = PluginJars.writeGarbage(dir.resolve("x.jar"), 3000);
        Path missing = PluginJars.write(dir.resolve("missing-class.jar"), List.of("com.example.tiny.NotThere"));
        Path empty = dir.resolve("no-services.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(empty))) {
            out.putNextEntry(new java.util.jar.JarEntry("readme.txt"));
            out.write("nothing here".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Files.writeString(dir.resolve("notes.txt"), "not a jar, not looked at");

        CliResult r = Vae4j.run("plugins", "--plugins", dir);
        assertEquals(0, r.code(), r::toString);
        List<String> notLoaded = r.out().lines().filter(l -> l.startsWith("NOT LOADED: ")).toList();
        assertEquals(List.of(
                "NOT LOADED: " + missing + ": org.vae4j.api.spi.Provider: Provider com.example.tiny.NotThere not found",
                "NOT LOADED: " + empty + ": provides nothing: the jar has no META-INF/services/org.vae4j.api.spi.Provider"
                        + " listing provider classes",
                "NOT LOADED: " + garbage + ": not a readable jar (zip) file: zip END header not found"), notLoaded);
        assertTrue(r.out().contains(String.format(ROW, "encoder", "tiny-linear", "unversioned", good, "one dense layer (test plugin)")),
                r.out());
        assertEquals(notLoaded.stream().map(l -> "warning: plugin not loaded: " + l.substring("NOT LOADED: ".length()))
                .map(l -> l + "\n").reduce("", String::concat), r.err());

        // a spec using the good plugin still validates; an unknown name mentions the failures
        ObjectNode spec = tinyLinearSpec();
        assertEquals(0, Vae4j.run("validate", Specs.write(dir.resolve("ok.json"), spec), "--plugins", dir).code());
        ((ObjectNode) spec.get("model").get("encoder")).put("type", "tiny-linaer");
        Path typo = Specs.write(dir.resolve("typo.json"), spec);
        CliResult v = Vae4j.run("validate", typo, "--plugins", dir);
        assertEquals(ExitCode.USAGE, v.code(), v::toString);
        assertTrue(v.err().endsWith("vae4j validate: " + typo + ": 1 problem\n  $.model.encoder.type: unknown encoder type "
                + "'tiny-linaer'; registered: cnn, conv-ae, mlp, tiny-linear (3 plugin(s) failed to load: see 'vae4j plugins')\n"),
                v.err());
    }

    @Test
    void aPluginsConfigurationIsCheckedLikeBuiltInOnes(@TempDir Path dir) throws IOException {
        Path plugins = dir.resolve("plugins");
        PluginJars.write(plugins.resolve("tiny.jar"), PluginJars.TINY_LINEAR);
        ObjectNode spec = tinyLinearSpec();
        ((ObjectNode) spec.get("model").get("encoder")).put("hidden", 3);
        ((ObjectNode) spec.get("model").get("decoder")).put("init", 5);
        Path file = Specs.write(dir.resolve("spec.json"), spec);
        CliResult r = Vae4j.run("validate", file, "--plugins", plugins);
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertEquals("vae4j validate: " + file + ": 2 problems\n"
                + "  $.model.encoder.hidden: unknown field for encoder 'tiny-linear'; known fields: init\n"
                + "  $.model.decoder.init: must be a string, got the number 5\n", r.err());
    }
}
