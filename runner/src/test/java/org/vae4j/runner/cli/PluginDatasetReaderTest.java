package org.vae4j.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.PluginJars;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyFashionMnist;
import org.vae4j.runner.testing.Vae4j;

/**
 * A data set reader from a plugin jar, as a third party would write one: the tiny Fashion-MNIST
 * written as CSV files is read by it and trains to the very numbers the built-in IDX reader
 * gives for the same images; its files are fingerprinted; its errors name the file and line.
 */
class PluginDatasetReaderTest {
    private static final int D = 28 * 28;
    @TempDir
    static Path root;
    static Path idx;
    static Path csv;
    static Path plugins;

    @BeforeAll
    static void data() throws IOException {
        idx = TinyFashionMnist.write(root.resolve("idx"));
        csv = Files.createDirectories(root.resolve("csv"));
        writeCsv("train", csv.resolve("train.csv"));
        writeCsv("t10k", csv.resolve("test.csv"));
        plugins = root.resolve("plugins");
        PluginJars.write(plugins.resolve("csv-reader.jar"), List.of(PluginJars.CSV_READER));
    }

    /** The IDX split as "label,p0,...,p783" lines, image by image. */
    private static void writeCsv(String split, Path out) throws IOException {
        byte[] images = TinyFashionMnist.gunzip(idx.resolve(split + "-images-idx3-ubyte.gz"));
        byte[] labels = TinyFashionMnist.gunzip(idx.resolve(split + "-labels-idx1-ubyte.gz"));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < labels.length - 8; i++) {
            StringBuilder b = new StringBuilder().append(labels[8 + i] & 0xff);
            for (int j = 0; j < D; j++) {
                b.append(',').append(images[16 + i * D + j] & 0xff);
            }
            lines.add(b.toString());
        }
        Files.write(out, lines);
    }

    private static ObjectNode csvSpec(Path path) {
        ObjectNode s = Specs.tiny(path.toString());
        ((ObjectNode) s.get("data")).put("dataset", "csv-images").putObject("reader").put("height", 28);
        return s;
    }

    @Test
    void aPluginsReaderTrainsToTheNumbersOfTheBuiltInReaderOnTheSameImages() throws IOException {
        Path builtIn = root.resolve("runs/idx");
        CliResult a = Vae4j.run("train", Specs.write(root.resolve("idx.json"), Specs.tiny(idx.toString())), "--out",
                builtIn, "--no-progress");
        assertEquals(0, a.code(), a::toString);
        Path plugin = root.resolve("runs/csv");
        CliResult b = Vae4j.run("train", Specs.write(root.resolve("csv.json"), csvSpec(csv)), "--plugins", plugins,
                "--out", plugin, "--no-progress");
        assertEquals(0, b.code(), b::toString);
        assertEquals(CliEndToEndTest.withoutTiming(builtIn.resolve("metrics.csv")),
                CliEndToEndTest.withoutTiming(plugin.resolve("metrics.csv")));
        JsonNode provenance = Specs.JSON.readTree(plugin.resolve("provenance.json").toFile());
        String recorded = provenance.toString();
        assertTrue(recorded.contains("train.csv") && recorded.contains("test.csv"), "data files: " + recorded);
        assertTrue(recorded.contains("csv-reader.jar"), "the reader's jar: " + recorded);
        // the run reopens with the jar it recorded
        CliResult eval = Vae4j.run("eval", plugin);
        assertEquals(0, eval.code(), eval::toString);
    }

    @Test
    void aMalformedFileIsADataErrorNamingFileAndLine() throws IOException {
        Path bad = Files.createDirectories(root.resolve("bad"));
        Files.write(bad.resolve("train.csv"), List.of(Files.readAllLines(csv.resolve("train.csv")).get(0), "3,1,2,3"));
        Files.copy(csv.resolve("test.csv"), bad.resolve("test.csv"));
        CliResult r = Vae4j.run("train", Specs.write(root.resolve("bad.json"), csvSpec(bad)), "--plugins", plugins,
                "--out", root.resolve("runs/bad"), "--no-progress");
        assertEquals(ExitCode.DATA, r.code(), r::toString);
        assertTrue(r.err().contains("the training split could not be read by the plugin reader 'csv-images': "
                + bad.resolve("train.csv") + " line 2: 3 pixels, expected 784"), r.err());
    }

    @Test
    void theReadersDataSetNeedsAPathAndItsSettingsBelongToIt() throws IOException {
        ObjectNode noPath = csvSpec(csv);
        ((ObjectNode) noPath.get("data")).remove("path");
        CliResult r = Vae4j.run("validate", Specs.write(root.resolve("nopath.json"), noPath), "--plugins", plugins);
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertTrue(r.err().contains("$.data.path: is required for csv-images, a data set a plugin reads from there"),
                r.err());
        ObjectNode builtIn = Specs.tiny(idx.toString());
        ((ObjectNode) builtIn.get("data")).putObject("reader");
        CliResult s = Vae4j.run("validate", Specs.write(root.resolve("builtin.json"), builtIn));
        assertEquals(ExitCode.USAGE, s.code(), s::toString);
        assertTrue(s.err().contains("$.data.reader: is the settings of a plugin's data set reader; fashion-mnist is "
                + "read by vae4j itself"), s.err());
        CliResult missing = Vae4j.run("train", Specs.write(root.resolve("missing.json"), csvSpec(root.resolve("none"))),
                "--plugins", plugins, "--out", root.resolve("runs/missing"), "--no-progress");
        assertEquals(ExitCode.DATA, missing.code(), missing::toString);
        assertTrue(missing.err().contains("does not exist") && missing.err().contains("correct the path: a folder "
                + "holding train.csv (and test.csv) of label,pixel,... lines"), missing.err());
    }
}
