package org.vae4j.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A small sweep on embedded Spark ({@code local[2]}) with the runner jar this build made, on the
 * real Fashion-MNIST (a few hundred images, one epoch): the trials' run folders, sweep.csv with a
 * failing trial recorded beside a finished one, a re-run that skips the finished trial, a trial
 * interrupted after its first epoch that is resumed to the very numbers of an uninterrupted
 * one, and sweep.html sorted in Chromium.
 */
class SweepEndToEndTest {
    private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");
    private static final Path RUNNER = Path.of("..", "runner", "target", "vae4j-runner.jar").toAbsolutePath().normalize();

    @TempDir
    static Path root;
    static Path sweepFile;
    static Path out;
    static int firstCode;
    static String firstOut;
    /** sweep.csv after the first run (a later test runs the sweep again). */
    static List<String> firstCsv;

    @BeforeAll
    static void sweepOnce() throws IOException {
        Assumptions.assumeTrue(Files.exists(DEBIAN), "needs apt-get install dataset-fashion-mnist");
        Assumptions.assumeTrue(Files.isRegularFile(RUNNER), "needs the runner jar: mvn package builds it first");
        Files.writeString(root.resolve("base.json"), """
                {"name": "tiny", "seed": 3,
                 "data": {"dataset": "fashion-mnist", "transform": "dynamic-binarize", "limit": 400, "validation": 100,
                          "batchSize": 100, "evalBatchSize": 200},
                 "model": {"latentDim": 4, "encoder": {"type": "mlp", "hidden": [32]},
                           "decoder": {"type": "mlp", "hidden": [32]}, "likelihood": {"type": "bernoulli"}},
                 "objective": {"type": "elbo", "beta": {"type": "constant", "value": 1.0}},
                 "training": {"epochs": 5}}
                """);
        // beta 0 is refused by the spec's checks: a failing trial beside a finished one
        sweepFile = Files.writeString(root.resolve("sweep.json"), """
                {"base": "base.json", "grid": {"$.objective.beta.value": [0.5, -1.0]},
                 "overrides": {"$.training.epochs": 1}}
                """);
        out = root.resolve("sweeps/sweep");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        firstCode = run(o, sweepFile.toString(), "--out", out.toString(), "--parallel", "2", "--threads", "1");
        firstOut = o.toString(StandardCharsets.UTF_8);
        firstCsv = Files.readAllLines(out.resolve("sweep.csv"));
    }

    private static int run(ByteArrayOutputStream o, String... args) {
        PrintStream p = new PrintStream(o, true, StandardCharsets.UTF_8);
        String[] all = new String[args.length + 3];
        all[0] = "sweep";
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 2] = "--runner";
        all[all.length - 1] = RUNNER.toString();
        return Main.run(all, p, p);
    }

    @Test
    void eachTrialIsARunFolderAndSweepCsvRecordsTheFailure() throws IOException {
        assertEquals(Main.TRIALS_FAILED, firstCode, firstOut);
        assertTrue(firstOut.startsWith("sweep: 2 trials of [$.objective.beta.value] on Spark local[2], 1 thread(s) each"),
                firstOut);
        for (String f : List.of("summary.json", "metrics.csv", "checkpoints", "images", "report.html")) {
            assertTrue(Files.exists(out.resolve("trial-001").resolve(f)), f);
        }
        List<String> csv = firstCsv;
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(0).startsWith("trial,status,$.objective.beta.value,seconds,epochs,"), csv.get(0));
        assertTrue(csv.get(0).contains(",test_neg_elbo,") && csv.get(0).endsWith(",error"), csv.get(0));
        assertTrue(csv.get(1).startsWith("trial-001,finished,0.5,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("trial-002,failed,-1.0,"), csv.get(2));
        assertTrue(csv.get(2).contains("exit code 2: $.objective.beta.value: must be"), csv.get(2));
        assertTrue(Files.readString(out.resolve("logs/trial-002.log")).contains("$.objective.beta.value"));
        assertTrue(Files.isRegularFile(out.resolve("sweep-curves.png")));
    }

    @Test
    void aRerunSkipsTheFinishedTrialAndRefusesAnotherSweepsFolder() throws IOException {
        long before = Files.getLastModifiedTime(out.resolve("trial-001/summary.json")).toMillis();
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int code = run(o, sweepFile.toString(), "--out", out.toString(), "--parallel", "1");
        assertEquals(Main.TRIALS_FAILED, code, o.toString(StandardCharsets.UTF_8));
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertTrue(csv.get(1).startsWith("trial-001,skipped,0.5,"), csv.get(1));
        assertEquals(before, Files.getLastModifiedTime(out.resolve("trial-001/summary.json")).toMillis());
        // another grid in the same folder would mix two sweeps' trial-001
        Path other = Files.writeString(root.resolve("other.json"), """
                {"base": "base.json", "grid": {"$.objective.beta.value": [2.0]}, "overrides": {"$.training.epochs": 1}}
                """);
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        assertEquals(2, run(e, other.toString(), "--out", out.toString()));
        assertTrue(e.toString(StandardCharsets.UTF_8).contains("holds trial-001 of another sweep"), e.toString());
    }

    @Test
    void anInterruptedTrialIsResumedToTheNumbersOfAnUninterruptedOne() throws IOException {
        Path resume = Files.writeString(root.resolve("resume.json"), """
                {"base": "base.json", "grid": {"$.model.latentDim": [3]}, "overrides": {"$.training.epochs": 2}}
                """);
        Path whole = root.resolve("sweeps/whole");
        assertEquals(0, run(new ByteArrayOutputStream(), resume.toString(), "--out", whole.toString(), "--threads", "1"));
        // the same trial killed after its first epoch: the checkpoint of epoch 1, no summary
        Path cut = root.resolve("sweeps/cut");
        assertEquals(0, run(new ByteArrayOutputStream(), resume.toString(), "--out", cut.toString(), "--threads", "1"));
        Path trial = cut.resolve("trial-001");
        Files.delete(trial.resolve("summary.json"));
        try (var s = Files.list(trial.resolve("checkpoints"))) {
            for (Path c : s.toList()) {
                if (!c.getFileName().toString().contains("0001")) {
                    Files.delete(c);
                }
            }
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        assertEquals(0, run(o, resume.toString(), "--out", cut.toString(), "--threads", "1"), o.toString());
        assertTrue(Files.readString(cut.resolve("sweep.csv")).contains("trial-001,finished,3,"));
        JsonNode a = SweepFile.JSON.readTree(whole.resolve("trial-001/summary.json").toFile());
        JsonNode b = SweepFile.JSON.readTree(trial.resolve("summary.json").toFile());
        assertEquals(2, b.get("epochs").asInt());
        assertEquals(a.get("test_neg_elbo").asDouble(), b.get("test_neg_elbo").asDouble(), 0.0, "bit for bit");
    }

    /**
     * examples/seed002-sweep.json as it is, on CIFAR-format files written here (CIFAR-10 cannot be
     * downloaded on these machines), made small by overrides: nine trials, three autoencoders and
     * six VAEs, each a run folder with its own figures.
     */
    @Test
    void seed002sWholeGridRunsOnCifarFormatFiles() throws IOException {
        Path cifar = org.vae4j.runner.testing.TinyCifar10.write(root.resolve("cifar"), 20);
        com.fasterxml.jackson.databind.node.ObjectNode s = (com.fasterxml.jackson.databind.node.ObjectNode)
                SweepFile.JSON.readTree(Path.of("..", "examples", "seed002-sweep.json").toFile());
        s.put("base", Path.of("..", "examples", "cifar10-conv-vae.json").toAbsolutePath().normalize().toString());
        s.putObject("overrides").put("$.data.path", cifar.toString()).put("$.data.validation", 20)
                .put("$.data.batchSize", 20).put("$.data.evalBatchSize", 20).put("$.training.epochs", 1)
                .set("$.model.encoder.filters", SweepFile.JSON.readTree("[4, 8, 8]"));
        s.set("overrides", ((com.fasterxml.jackson.databind.node.ObjectNode) s.get("overrides"))
                .set("$.model.decoder.filters", SweepFile.JSON.readTree("[4, 8, 8]")));
        Path file = Files.writeString(root.resolve("seed002.json"), s.toPrettyString());
        Path dir = root.resolve("sweeps/seed002");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        assertEquals(0, run(o, file.toString(), "--out", dir.toString(), "--parallel", "2", "--threads", "1"),
                o.toString(StandardCharsets.UTF_8));
        List<String> csv = Files.readAllLines(dir.resolve("sweep.csv"));
        assertEquals(10, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(0).startsWith("trial,status,$.objective,$.model.likelihood,$.model.latentDim,"
                + "$.objective.beta,seconds,"), csv.get(0));
        assertTrue(csv.get(1).startsWith("trial-001,finished,\"{\"\"type\"\":\"\"autoencoder\"\"}\","), csv.get(1));
        assertTrue(csv.get(9).startsWith("trial-009,finished,,,,\"{\"\"type\"\":\"\"linear\"\",\"\"target\"\":1.2}\","),
                csv.get(9));
        JsonNode ae = SweepFile.JSON.readTree(dir.resolve("trial-003/summary.json").toFile());
        assertTrue(ae.path("test_neg_elbo").isMissingNode() && ae.path("test_reconstruction").isNumber(), ae.toString());
        JsonNode vae = SweepFile.JSON.readTree(dir.resolve("trial-009/summary.json").toFile());
        assertTrue(vae.path("test_neg_elbo").isNumber(), vae.toString());
    }

    /** Data that is not there stops the sweep before any trial starts, with the runner's message. */
    @Test
    void missingDataStopsTheSweepBeforeAnyTrial() throws IOException {
        Path s = Files.writeString(root.resolve("nodata.json"), """
                {"base": "base.json", "grid": {"$.model.latentDim": [2, 3]},
                 "overrides": {"$.data.path": "no-such-folder", "$.data.download": false}}
                """);
        Path dir = root.resolve("sweeps/nodata");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        assertEquals(3, run(o, s.toString(), "--out", dir.toString()), o.toString(StandardCharsets.UTF_8));
        String said = o.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("vae4j sweep: the data of trial-001 cannot be used, so no trial was started: "
                + "vae4j validate: data set 'fashion-mnist' not found."), said);
        assertFalse(Files.exists(dir.resolve("trial-001")), "no trial started");
    }

    @Test
    void sweepHtmlSortsItsTableAndShowsThePicturesInChromium() throws IOException {
        Path driverPath = Path.of("/usr/bin/chromedriver");
        Assumptions.assumeTrue(Files.isExecutable(driverPath) && Files.isExecutable(Path.of("/usr/bin/chromium")),
                "needs Debian's chromium and chromium-driver");
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--allow-file-access-from-files");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverPath.toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(out.resolve("sweep.html").toUri().toString());
            List<WebElement> headers = driver.findElements(By.cssSelector("#trials th"));
            WebElement beta = headers.get(2);
            assertEquals("$.objective.beta.value", beta.getText());
            beta.click();
            assertEquals("trial-002", firstCell(driver), "ascending: -1.0 first");
            beta.click();
            assertEquals("trial-001", firstCell(driver), "descending: 0.5 first");
            for (WebElement img : driver.findElements(By.tagName("img"))) {
                Object w = driver.executeScript("return arguments[0].naturalWidth", img);
                assertTrue(((Number) w).intValue() > 0, "loads: " + img.getAttribute("src"));
            }
            assertFalse(driver.findElements(By.cssSelector("img.samples")).isEmpty(), "the finished trial's samples");
        } finally {
            driver.quit();
        }
    }

    private static String firstCell(ChromeDriver driver) {
        return driver.findElement(By.cssSelector("#trials tbody tr td")).getText();
    }
}
