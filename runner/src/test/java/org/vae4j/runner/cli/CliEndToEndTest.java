package org.vae4j.runner.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyFashionMnist;
import org.vae4j.runner.testing.Vae4j;

/**
 * The vae4j command end to end, in process: train, eval, sample, validate, bench, resume, rerun,
 * and the protection of existing run folders. One 3-epoch run is trained once and shared; tests
 * that need their own run train tiny ones next to it.
 *
 * <p>The spec names its data with a relative {@code data.path} on purpose: eval, --resume and
 * --rerun read the run folder's spec.json, so the path there must not depend on where the
 * original spec file was.
 */
class CliEndToEndTest {
    /** Columns of metrics.csv that measure time and so differ between identical runs. */
    private static final int TIMING_COLUMNS = 2;
    private static final int IMAGE = 28;
    private static final int GAP = 2;

    @TempDir
    static Path root;
    static Path dataDir;
    static Path specFile;
    static Path run;
    static CliResult trained;

    @BeforeAll
    static void trainOnce() throws IOException {
        dataDir = TinyFashionMnist.write(root.resolve("experiment/data"));
        specFile = Specs.write(root.resolve("experiment/spec.json"), Specs.tiny("data"));
        run = root.resolve("runs/tiny");
        trained = Vae4j.run("train", specFile, "--out", run, "--no-progress");
        assertEquals(0, trained.code(), trained::toString);
    }

    @Test
    void trainWritesTheRunFolder() throws IOException {
        for (String f : List.of("spec.json", "provenance.json", "metrics.csv", "summary.json", "run.log",
                "checkpoints/latest.json", "images/reconstructions.png")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        assertEquals("", trained.err());
        assertEquals(List.of("epoch-0002.json", "epoch-0002.npz", "epoch-0003.json", "epoch-0003.npz", "latest.json"),
                list(run.resolve("checkpoints")), "keepCheckpoints defaults to 2");
        JsonNode latest = Specs.JSON.readTree(run.resolve("checkpoints/latest.json").toFile());
        assertEquals("epoch-0003", latest.path("checkpoint").asText());
        assertEquals(3, latest.path("epochsDone").asInt());
    }

    @Test
    void specJsonIsResolvedWithEveryDefaultAndAnAbsoluteDataPath() throws IOException {
        JsonNode s = Specs.JSON.readTree(run.resolve("spec.json").toFile());
        assertEquals(dataDir.toAbsolutePath().normalize().toString(), s.path("data").path("path").asText());
        assertEquals("scale", s.path("data").path("transform").asText());
        assertEquals("same", s.path("data").path("input").asText());
        assertEquals(50, s.path("data").path("validation").asInt());
        assertEquals("relu", s.path("model").path("encoder").path("activation").asText());
        assertEquals("pytorch", s.path("model").path("decoder").path("init").asText());
        assertEquals("standard-normal", s.path("model").path("prior").path("type").asText());
        assertEquals("elbo", s.path("objective").path("type").asText());
        assertEquals("constant", s.path("objective").path("beta").path("type").asText());
        assertEquals(1.0, s.path("objective").path("beta").path("value").asDouble());
        assertEquals("adam", s.path("optimizer").path("type").asText());
        assertEquals(0.001, s.path("optimizer").path("lr").asDouble());
        assertEquals(0.999, s.path("optimizer").path("beta2").asDouble());
        assertEquals(2, s.path("training").path("keepCheckpoints").asInt());
        List<String> sections = new ArrayList<>();
        s.fieldNames().forEachRemaining(sections::add);
        assertEquals(List.of("name", "seed", "data", "model", "objective", "optimizer", "training"), sections);
    }

    @Test
    void provenanceRecordsSeedDataHashesAndPlatform() throws Exception {
        JsonNode p = Specs.JSON.readTree(run.resolve("provenance.json").toFile());
        assertEquals(7, p.path("seed").asLong());
        Map<String, String> expected = new TreeMap<>();
        for (String f : TinyFashionMnist.FILES) {
            expected.put(dataDir.resolve(f).toAbsolutePath().normalize().toString(), sha256(dataDir.resolve(f)));
        }
        Map<String, String> recorded = new TreeMap<>();
        p.path("dataFiles").fields().forEachRemaining(e -> recorded.put(e.getKey(), e.getValue().asText()));
        assertEquals(expected, recorded);
        assertTrue(p.path("java").asText().startsWith(System.getProperty("java.version") + " ("), p.path("java").asText());
        assertTrue(p.path("os").asText().startsWith(System.getProperty("os.name") + " "), p.path("os").asText());
        assertEquals("CpuBackend", p.path("nd4j").path("backend").asText());
        assertEquals("1.0.0-M2.1", p.path("nd4j").path("version").asText());
        assertEquals(List.of("train", specFile.toString(), "--out", run.toString(), "--no-progress"),
                Specs.JSON.convertValue(p.path("commandLine"), List.class));
        assertEquals(Specs.JSON.readTree(run.resolve("spec.json").toFile()), p.path("spec"));
    }

    @Test
    void metricsCsvHasOneRowPerEpochAndTheLossDecreases() throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals("epoch,beta,train_neg_elbo,train_reconstruction,train_kl,train_bpd,train_loss,"
                + "validation_neg_elbo,validation_reconstruction,validation_kl,validation_bpd,"
                + "test_neg_elbo,test_reconstruction,test_kl,test_bpd,seconds,train_samples_per_s", lines.get(0));
        assertEquals(4, lines.size(), "header + 3 epochs");
        List<String> header = List.of(lines.get(0).split(","));
        double previous = Double.POSITIVE_INFINITY;
        for (int e = 1; e <= 3; e++) {
            String[] row = lines.get(e).split(",", -1);
            assertEquals(header.size(), row.length, lines.get(e));
            assertEquals(Integer.toString(e), row[0]);
            assertEquals("1.000000", row[header.indexOf("beta")]);
            double loss = Double.parseDouble(row[header.indexOf("train_neg_elbo")]);
            assertTrue(loss < previous, "train_neg_elbo must fall every epoch: " + lines);
            previous = loss;
            for (String filled : List.of("validation_neg_elbo", "validation_bpd", "test_neg_elbo", "test_bpd")) {
                assertFalse(row[header.indexOf(filled)].isEmpty(), filled + " (validation 50, testEachEpoch)");
            }
            double bpd = Double.parseDouble(row[header.indexOf("train_bpd")]);
            assertEquals(loss / (784 * Math.log(2)), bpd, 1e-6);
        }
        double first = Double.parseDouble(lines.get(1).split(",")[2]);
        assertTrue(previous < first - 10, "the tiny data is learnable: " + first + " -> " + previous);
        // the last epoch's test figure is the summary's: the same evaluation stream
        JsonNode summary = Specs.JSON.readTree(run.resolve("summary.json").toFile());
        assertEquals(String.format(Locale.ROOT, "%.6f", summary.path("test_neg_elbo").asDouble()),
                lines.get(3).split(",")[header.indexOf("test_neg_elbo")]);
    }

    @Test
    void summaryHasTheTestNegElboAndBitsPerDimension() throws IOException {
        JsonNode s = Specs.JSON.readTree(run.resolve("summary.json").toFile());
        assertEquals("tiny", s.path("name").asText());
        assertEquals(3, s.path("epochs").asInt());
        assertEquals(TinyFashionMnist.TEST, s.path("test_examples").asInt());
        double nelbo = s.path("test_neg_elbo").asDouble();
        assertTrue(nelbo > 0 && nelbo < 784 * Math.log(2), "below a coin flip per pixel: " + nelbo);
        assertEquals(nelbo, s.path("test_reconstruction").asDouble() + s.path("test_kl").asDouble(), 1e-3);
        assertEquals(nelbo / (784 * Math.log(2)), s.path("test_bpd").asDouble(), 1e-12);
        assertTrue(trained.out().contains(String.format(Locale.ROOT, "test: neg_elbo %.3f nats, reconstruction %.3f nats, "
                + "kl %.4f nats, bpd %.4f bits/dim; run folder %s", nelbo, s.path("test_reconstruction").asDouble(),
                s.path("test_kl").asDouble(), s.path("test_bpd").asDouble(), run)), trained.out());
    }

    @Test
    void imagesAreReadablePngsOfTheRightSize() throws IOException {
        for (int e = 1; e <= 3; e++) {
            BufferedImage img = ImageIO.read(run.resolve(String.format("images/samples-epoch-%03d.png", e)).toFile());
            assertNotNull(img);
            assertEquals(3 * grid(8), img.getWidth(), "8 x 8 samples, enlarged x3");
            assertEquals(3 * grid(8), img.getHeight());
        }
        BufferedImage rec = ImageIO.read(run.resolve("images/reconstructions.png").toFile());
        assertEquals(2 * grid(16), rec.getWidth(), "16 test images per row, enlarged x2");
        assertEquals(2 * grid(2), rec.getHeight(), "originals above reconstructions");
    }

    @Test
    void runLogHoldsWhatTrainPrinted() throws IOException {
        String log = Files.readString(run.resolve("run.log"));
        assertEquals(trained.out(), log);
        List<String> lines = log.lines().toList();
        assertEquals(5, lines.size(), log);
        assertTrue(lines.get(0).startsWith("tiny: encoder: Dense(784 -> 32) -> ReLU -> Dense(32 -> 8); decoder: "
                + "Dense(4 -> 32) -> ReLU -> Dense(32 -> 784), 51416 parameters; data explicit path " + dataDir
                + " (from the spec): train 250, validation 50, test 100"), lines.get(0));
        for (int e = 1; e <= 3; e++) {
            assertTrue(lines.get(e).startsWith("epoch " + e + ": beta 1.000  train neg_elbo "), lines.get(e));
        }
    }

    @Test
    void evalPrintsTheSummarysTestNegElbo() throws IOException {
        CliResult r = Vae4j.run("eval", run);
        assertEquals(0, r.code(), r::toString);
        JsonNode e = Specs.JSON.readTree(r.out());
        JsonNode s = Specs.JSON.readTree(run.resolve("summary.json").toFile());
        assertEquals("test", e.path("split").asText());
        assertEquals(3, e.path("epochs").asInt());
        assertEquals(TinyFashionMnist.TEST, e.path("examples").asInt());
        assertEquals(String.format(Locale.ROOT, "%.6f", s.path("test_neg_elbo").asDouble()),
                String.format(Locale.ROOT, "%.6f", e.path("neg_elbo").asDouble()));
        assertEquals(String.format(Locale.ROOT, "%.6f", s.path("test_bpd").asDouble()),
                String.format(Locale.ROOT, "%.6f", e.path("bpd").asDouble()));

        CliResult v = Vae4j.run("eval", run, "--split", "validation");
        assertEquals(0, v.code(), v::toString);
        assertEquals(50, Specs.JSON.readTree(v.out()).path("examples").asInt());
    }

    @Test
    void sampleWritesAPngGridOfTheRightSize() throws IOException {
        Path png = root.resolve("samples/f.png");
        CliResult r = Vae4j.run("sample", run, "--n", 16, "--out", png);
        assertEquals(0, r.code(), r::toString);
        assertEquals("wrote 16 samples to " + png + "\n", r.out());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(3 * grid(4), img.getWidth(), "16 samples: 4 x 4, enlarged x3");
        assertEquals(3 * grid(4), img.getHeight());
        Path again = root.resolve("samples/g.png");
        assertEquals(0, Vae4j.run("sample", run, "--n", 16, "--out", again).code());
        assertArrayEquals(Files.readAllBytes(png), Files.readAllBytes(again), "same --seed, same picture");
        CliResult byDefault = Vae4j.run("sample", run, "--n", 4);
        assertEquals("wrote 4 samples to " + run.resolve("images/samples.png") + "\n", byDefault.out());
        assertEquals(3 * grid(2), ImageIO.read(run.resolve("images/samples.png").toFile()).getWidth());
        Path five = root.resolve("samples/five.png");
        assertEquals(0, Vae4j.run("sample", run, "--n", 5, "--out", five).code());
        BufferedImage img5 = ImageIO.read(five.toFile());
        assertEquals(3 * grid(3), img5.getWidth(), "5 samples: 3 columns");
        assertEquals(3 * grid(2), img5.getHeight(), "5 samples: 2 rows");
    }

    @Test
    void validateAcceptsTheSpec() {
        CliResult r = Vae4j.run("validate", specFile);
        assertEquals(0, r.code(), r::toString);
        assertEquals(specFile + ": valid. encoder: Dense(784 -> 32) -> ReLU -> Dense(32 -> 8); decoder: Dense(4 -> 32)"
                + " -> ReLU -> Dense(32 -> 784); 51416 parameters; data: explicit path " + dataDir
                + " (from the spec) (train 250, validation 50, test 100)\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void benchReportsThroughputWithFewSteps() {
        CliResult r = Vae4j.run("bench", specFile, "--steps", 3, "--rounds", 1, "--warmup", 1);
        assertEquals(0, r.code(), r::toString);
        Matcher m = Pattern.compile("bench tiny: batch 32, 51416 parameters; OMP_NUM_THREADS=\\S+; best of 1 x 3 steps: "
                + "step_samples_per_s=(\\d+) loop_samples_per_s=(\\d+)\n").matcher(r.out());
        assertTrue(m.matches(), r.out());
        assertTrue(Long.parseLong(m.group(1)) > 0 && Long.parseLong(m.group(2)) > 0, r.out());
    }

    @Test
    void resumingAfterOneEpochGivesTheSameNumbersBitForBit() throws IOException {
        Path dir = root.resolve("runs/resumed");
        CliResult first = Vae4j.run("train", specFile, "--out", dir, "--epochs", 1);
        assertEquals(0, first.code(), first::toString);
        // with progress: not a terminal here, so a plain line per step (8 steps: 250 images / 32);
        // the rate needs two steps to be measured, so the first line has none
        List<String> progress = first.out().lines().filter(l -> l.startsWith("epoch 1/1 ")).toList();
        assertEquals(8, progress.size(), first.out());
        assertTrue(progress.get(0).matches("epoch 1/1   13%  step 1/8  loss \\d+\\.\\d{3}"), progress.get(0));
        assertTrue(progress.get(7).matches("epoch 1/1  100%  step 8/8  loss \\d+\\.\\d{3}  \\d+ samples/s"),
                progress.get(7));
        assertEquals(2, Files.readAllLines(dir.resolve("metrics.csv")).size());
        CliResult rest = Vae4j.run("train", "--resume", "--out", dir, "--epochs", 3, "--no-progress");
        assertEquals(0, rest.code(), rest::toString);
        assertTrue(rest.out().startsWith("resuming " + dir + " after epoch 1\n"), rest.out());
        assertEquals(withoutTiming(run.resolve("metrics.csv")), withoutTiming(dir.resolve("metrics.csv")));
        assertEquals(testFigures(run), testFigures(dir));
        assertEquals(3, Specs.JSON.readTree(dir.resolve("spec.json").toFile()).path("training").path("epochs").asInt());
    }

    @Test
    void theSameSpecAndSeedTwiceGiveIdenticalMetrics() throws IOException {
        Path dir = root.resolve("runs/again");
        CliResult r = Vae4j.run("train", specFile, "--out", dir, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        assertEquals(withoutTiming(run.resolve("metrics.csv")), withoutTiming(dir.resolve("metrics.csv")));
        assertEquals(testFigures(run), testFigures(dir));
        assertEquals(Files.readString(run.resolve("spec.json")), Files.readString(dir.resolve("spec.json")));
    }

    @Test
    void rerunRepeatsTheRunIntoRunDirRerun() throws IOException {
        CliResult r = Vae4j.run("train", "--rerun", run, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        Path rerun = run.resolveSibling("tiny-rerun");
        assertEquals(withoutTiming(run.resolve("metrics.csv")), withoutTiming(rerun.resolve("metrics.csv")));
        assertEquals(testFigures(run), testFigures(rerun));
        assertEquals(Files.readString(run.resolve("spec.json")), Files.readString(rerun.resolve("spec.json")));
        JsonNode a = Specs.JSON.readTree(run.resolve("provenance.json").toFile());
        JsonNode b = Specs.JSON.readTree(rerun.resolve("provenance.json").toFile());
        assertEquals(a.path("dataFiles"), b.path("dataFiles"));
        assertEquals(a.path("seed"), b.path("seed"));
    }

    @Test
    void rerunOnDifferentDataStopsNamingTheFile() throws IOException {
        Path data = TinyFashionMnist.write(root.resolve("changing/data"));
        Path spec = Specs.write(root.resolve("changing/spec.json"), Specs.tiny("data"));
        Path original = root.resolve("runs/changing");
        assertEquals(0, Vae4j.run("train", spec, "--out", original, "--no-progress", "--epochs", "1").code());
        Path labels = data.resolve("t10k-labels-idx1-ubyte.gz");
        byte[] raw = TinyFashionMnist.gunzip(labels);
        raw[raw.length - 1] = (byte) ((raw[raw.length - 1] + 1) % 10);
        TinyFashionMnist.regzip(labels, raw);
        CliResult r = Vae4j.run("train", "--rerun", original, "--no-progress");
        assertEquals(ExitCode.DATA, r.code(), r::toString);
        assertTrue(r.err().contains(labels.getFileName() + ": the data differs from the run being repeated: "),
                r::toString);
        assertTrue(r.err().contains("the original run read "), r::toString);
    }

    @Test
    void anExistingRunFolderIsNotOverwritten() throws Exception {
        Map<String, String> before = snapshot(run);
        CliResult r = Vae4j.run("train", specFile, "--out", run, "--no-progress");
        assertEquals(ExitCode.RUN_DIRECTORY, r.code(), r::toString);
        assertEquals(4, r.code());
        assertEquals("vae4j train: " + run + " already exists and is not empty; choose another --out, continue it with "
                + "--resume, or pass --force to move it aside to tiny.replaced-<time> and start afresh\n", r.err());
        assertEquals("", r.out());
        assertEquals(before, snapshot(run), "no file of the old run changed");
    }

    @Test
    void forceMovesTheOldRunAsideAndKeepsIt() throws Exception {
        Path dir = root.resolve("runs/forced");
        copyTree(run, dir);
        Map<String, String> old = snapshot(dir);
        CliResult r = Vae4j.run("train", specFile, "--out", dir, "--force", "--epochs", 1, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        Matcher m = Pattern.compile("moved the existing " + Pattern.quote(dir.toString()) + " aside to "
                + Pattern.quote(dir.toString()) + "\\.replaced-\\d{8}-\\d{6}\n").matcher(r.out().lines().findFirst().orElse("") + "\n");
        assertTrue(m.matches(), r.out());
        List<Path> aside;
        try (Stream<Path> s = Files.list(dir.getParent())) {
            aside = s.filter(p -> p.getFileName().toString().startsWith("forced.replaced-")).toList();
        }
        assertEquals(1, aside.size(), aside::toString);
        assertEquals(old, snapshot(aside.get(0)), "the old run, moved intact");
        assertEquals(2, Files.readAllLines(dir.resolve("metrics.csv")).size(), "the new run: one epoch");
    }

    private static int grid(int tiles) {
        return tiles * (IMAGE + GAP) + GAP;
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Trains the spec for one epoch into {@code dir}, resumes it to {@code epochs}, and checks that
     * its metrics and test figures are those of {@code whole}, a run of all the epochs at once.
     */
    static void assertResumedRunMatches(Path specFile, Path whole, Path dir, int epochs) throws IOException {
        CliResult first = Vae4j.run("train", specFile, "--out", dir, "--epochs", 1, "--no-progress");
        assertEquals(0, first.code(), first::toString);
        CliResult rest = Vae4j.run("train", "--resume", "--out", dir, "--epochs", epochs, "--no-progress");
        assertEquals(0, rest.code(), rest::toString);
        assertEquals(withoutTiming(whole.resolve("metrics.csv")), withoutTiming(dir.resolve("metrics.csv")));
        assertEquals(testFigures(whole), testFigures(dir));
    }

    /** The lines of metrics.csv without the seconds and samples-per-second columns. */
    static List<String> withoutTiming(Path csv) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            String[] cells = line.split(",", -1);
            out.add(String.join(",", List.of(cells).subList(0, cells.length - TIMING_COLUMNS)));
        }
        return out;
    }

    /** summary.json without the timing figures. */
    static JsonNode testFigures(Path runDir) throws IOException {
        ObjectNode s = (ObjectNode) Specs.JSON.readTree(runDir.resolve("summary.json").toFile());
        s.remove(List.of("train_seconds_this_session", "train_samples_per_s"));
        return s;
    }

    /** Every file under a folder with its SHA-256 and modification time. */
    static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), sha256(p) + " " + Files.getLastModifiedTime(p).toMillis());
            }
        }
        assertFalse(m.isEmpty());
        return m;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static String sha256(Path f) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
