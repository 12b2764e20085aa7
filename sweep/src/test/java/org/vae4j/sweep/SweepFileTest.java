package org.vae4j.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep files: the trials a grid or random draws make, and each mistake named with its place. */
class SweepFileTest {
    private static final String BASE = """
            {"name": "base", "data": {"dataset": "fashion-mnist", "path": "data"},
             "model": {"latentDim": 20, "encoder": {"type": "mlp", "hidden": [400]}},
             "objective": {"type": "elbo", "beta": {"type": "constant", "value": 1.0}},
             "training": {"epochs": 10}}
            """;

    @TempDir
    Path dir;

    private SweepFile sweep(String json) throws IOException {
        Files.writeString(dir.resolve("spec.json"), BASE);
        return SweepFile.read(Files.writeString(dir.resolve("s.json"), json));
    }

    private static JsonNode spec(Trial t) throws IOException {
        return SweepFile.JSON.readTree(t.spec());
    }

    @Test
    void aGridIsEveryCombinationTheLastPathFastest() throws IOException {
        SweepFile s = sweep("""
                {"base": "spec.json", "grid": {"$.model.latentDim": [16, 128, 1024],
                 "$.objective.beta.value": [0.8, 1.2]}, "overrides": {"$.training.epochs": 20, "$.data.limit": 500}}
                """);
        List<Trial> t = s.trials();
        assertEquals(6, t.size());
        assertEquals(List.of("$.model.latentDim", "$.objective.beta.value"), s.paths());
        assertEquals(Map.of("$.model.latentDim", "16", "$.objective.beta.value", "0.8"), t.get(0).values());
        assertEquals(Map.of("$.model.latentDim", "16", "$.objective.beta.value", "1.2"), t.get(1).values());
        assertEquals(Map.of("$.model.latentDim", "1024", "$.objective.beta.value", "1.2"), t.get(5).values());
        JsonNode last = spec(t.get(5));
        assertEquals(1024, last.at("/model/latentDim").asInt());
        assertEquals(1.2, last.at("/objective/beta/value").asDouble());
        assertEquals(20, last.at("/training/epochs").asInt(), "an override");
        assertEquals(500, last.at("/data/limit").asInt(), "an override may add a field to an object the spec has");
        assertEquals("base-trial-006", last.get("name").asText());
        assertEquals("trial-006", t.get(5).name());
        // the trials' specs live in the sweep's folder: a relative data path is made absolute
        assertEquals(dir.resolve("data").toString(), last.at("/data/path").asText());
    }

    @Test
    void randomDrawsAreTheSameForTheSameSeedAndInTheirRanges() throws IOException {
        String json = """
                {"base": "spec.json", "random": {"draws": 8, "seed": 5, "space": {
                 "$.objective.beta.value": {"uniform": [0.5, 2.0]}, "$.model.latentDim": [8, 16, 32],
                 "$.model.encoder.hidden[0]": {"int": [100, 200]}}}}
                """;
        List<Trial> a = sweep(json).trials();
        List<Trial> b = sweep(json).trials();
        assertEquals(8, a.size());
        for (int i = 0; i < 8; i++) {
            assertEquals(a.get(i).spec(), b.get(i).spec());
            JsonNode s = spec(a.get(i));
            double beta = s.at("/objective/beta/value").asDouble();
            assertTrue(beta >= 0.5 && beta < 2.0, "beta " + beta);
            assertTrue(List.of(8, 16, 32).contains(s.at("/model/latentDim").asInt()));
            int h = s.at("/model/encoder/hidden/0").asInt();
            assertTrue(h >= 100 && h <= 200, "hidden " + h);
        }
        assertTrue(a.stream().map(Trial::spec).distinct().count() > 4, "draws differ");
    }

    @Test
    void mistakesAreNamedWithTheirFileAndPath() throws IOException {
        Path s = dir.resolve("s.json");
        assertEquals(s + ": $.grid[\"$.model.latent\"]: $.model.latent names nothing in the base spec: $.model has no "
                + "field 'latent'", assertThrows(SweepException.class, () -> sweep(
                        "{\"base\": \"spec.json\", \"grid\": {\"$.model.latent\": [1]}}")).getMessage());
        assertEquals(s + ": $.overrides[\"$.prior.type\"]: $.prior.type names nothing in the base spec: it has no "
                + "$.prior", assertThrows(SweepException.class, () -> sweep("{\"base\": \"spec.json\", \"grid\": "
                        + "{\"$.seed\": [1]}, \"overrides\": {\"$.prior.type\": \"mog\"}}")).getMessage());
        assertEquals(s + ": give either $.grid (every combination) or $.random (draws), not neither",
                assertThrows(SweepException.class, () -> sweep("{\"base\": \"spec.json\"}")).getMessage());
        assertEquals(s + ": $.grid[\"$.seed\"]: must be a list of one value or more",
                assertThrows(SweepException.class, () -> sweep("{\"base\": \"spec.json\", \"grid\": {\"$.seed\": 3}}"))
                        .getMessage());
        assertEquals(s + ": $.bases: unknown field; known: description, base, grid, random, overrides",
                assertThrows(SweepException.class, () -> sweep("{\"bases\": \"spec.json\"}")).getMessage());
        assertEquals(dir.resolve("nope.json") + ": the base spec (from " + s + ": $.base) does not exist",
                assertThrows(SweepException.class, () -> sweep("{\"base\": \"nope.json\", \"grid\": {\"$.seed\": [1]}}"))
                        .getMessage());
        assertTrue(assertThrows(SweepException.class, () -> sweep("{\"base\": \"spec.json\", \"grid\": {"))
                .getMessage().startsWith(s + ": not valid JSON at line 1, column "));
    }

    /** Seed 002's whole experiment: a list of two grids, the autoencoders' and the VAEs'. */
    @Test
    void seed002sSweepIsThreeAutoencodersAndSixVaes() throws IOException {
        SweepFile s = SweepFile.read(Path.of("..", "examples", "seed002-sweep.json"));
        List<Trial> t = s.trials();
        assertEquals(9, t.size());
        assertEquals(List.of("$.objective", "$.model.likelihood", "$.model.latentDim", "$.objective.beta"), s.paths());
        for (int i = 0; i < 3; i++) {
            JsonNode spec = spec(t.get(i));
            assertEquals("autoencoder", spec.at("/objective/type").asText());
            assertEquals("mse", spec.at("/model/likelihood/type").asText());
            assertEquals(List.of(16, 128, 1024).get(i), spec.at("/model/latentDim").asInt());
        }
        for (int i = 3; i < 9; i++) {
            JsonNode spec = spec(t.get(i));
            assertEquals("elbo", spec.at("/objective/type").asText());
            assertEquals(128, spec.at("/model/latentDim").asInt());
            assertEquals(i < 6 ? "constant" : "linear", spec.at("/objective/beta/type").asText());
            assertEquals(List.of(0.8, 1.0, 1.2).get((i - 3) % 3),
                    spec.at(i < 6 ? "/objective/beta/value" : "/objective/beta/target").asDouble());
        }
        assertEquals(Map.of("$.objective.beta", "{\"type\":\"linear\",\"target\":1.2}"), t.get(8).values());
        assertEquals(8, SweepFile.read(Path.of("..", "examples", "fashion-mnist-beta-sweep.json")).trials().size());
    }

    /** spark-submit passes its --master as the system property spark.master; --master wins over it. */
    @Test
    void theMasterIsTheOptionsThenSparkSubmitsThenEmbedded() {
        String before = System.getProperty("spark.master");
        try {
            System.clearProperty("spark.master");
            assertEquals("local[3]", Main.master(null, 3));
            System.setProperty("spark.master", "spark://head:7077");
            assertEquals("spark://head:7077", Main.master(null, 3));
            assertEquals("local[1]", Main.master("local[1]", 3));
        } finally {
            if (before == null) {
                System.clearProperty("spark.master");
            } else {
                System.setProperty("spark.master", before);
            }
        }
    }

    @Test
    void folderFaultsAreSaidWithTheirFile() {
        assertEquals("/x/out: Read-only file system",
                Main.describe(new java.nio.file.FileSystemException("/x/out", null, "Read-only file system")));
        assertEquals("/x/out: permission denied", Main.describe(new java.nio.file.AccessDeniedException("/x/out")));
    }

    @Test
    void aSweepWritesOnlyIntoANewEmptyOrSweepFolder() throws IOException {
        Sweep.requireSweepFolder(dir.resolve("new"));
        Sweep.requireSweepFolder(Files.createDirectories(dir.resolve("empty")));
        Path earlier = Files.createDirectories(dir.resolve("earlier/specs"));
        Files.writeString(earlier.resolveSibling("sweep.csv"), "trial,status\n");
        Sweep.requireSweepFolder(earlier.getParent());
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("sweep.csv"), "my own table");
        assertEquals(mine + " exists and is not a sweep's folder (it has no specs/): give a new or empty --out, or the "
                + "folder of an earlier run of this sweep", assertThrows(SweepException.class,
                        () -> Sweep.requireSweepFolder(mine)).getMessage());
        assertEquals("my own table", Files.readString(mine.resolve("sweep.csv")));
    }

    @Test
    void jsonPathsReadNamesAndIndices() {
        assertEquals("'$model' is no JSON path: cannot read it from \"model\"; write $.field.field or $.field[0]",
                assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("$model")).getMessage());
        assertEquals("'model.x' is no JSON path: write $.field.field or $.field[0]",
                assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("model.x")).getMessage());
        assertEquals("400", JsonPath.parse("$.model.encoder.hidden[0]").get(readTree(BASE)).toString());
    }

    private static JsonNode readTree(String s) {
        try {
            return SweepFile.JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
