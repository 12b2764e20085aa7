package org.vae4j.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * What a run folder says about the run's state: a run that stops says so in run.log and
 * report.html; a run extended with --resume --epochs keeps its schedules where they were;
 * asking for the epochs already trained rewrites nothing; help and version are there.
 */
class RunStateTest {
    @TempDir
    static Path root;
    static Path data;

    @BeforeAll
    static void data() throws IOException {
        data = TinyFashionMnist.write(root.resolve("data"));
    }

    private static ObjectNode spec() {
        ObjectNode s = Specs.tiny(data.toString());
        ((ObjectNode) s.get("training")).put("testEachEpoch", false);
        return s;
    }

    @Test
    void aRunThatDivergesSaysSoInItsLogAndReport() throws IOException {
        ObjectNode s = spec();
        s.putObject("optimizer").put("type", "sgd").put("lr", 10).put("momentum", 0.99);
        ((ObjectNode) s.get("training")).put("epochs", 3);
        Path run = root.resolve("diverged");
        CliResult r = Vae4j.run("train", Specs.write(root.resolve("diverges.json"), s), "--out", run, "--no-progress");
        assertEquals(ExitCode.DIVERGED, r.code(), r::toString);
        String log = Files.readString(run.resolve("run.log"));
        assertTrue(log.lines().anyMatch(l -> l.startsWith("training stopped in epoch ")), log);
        String report = Files.readString(run.resolve(RunReport.FILE));
        assertTrue(report.contains("<strong>Stopped.</strong> Training stopped in epoch "), report);
        assertFalse(report.contains("http-equiv=\"refresh\""), "a stopped run's page does not reload");
    }

    @Test
    void extendingARunKeepsItsBetaRampWhereItWas() throws IOException {
        ObjectNode s = spec();
        s.putObject("objective").put("type", "elbo").putObject("beta").put("type", "linear").put("target", 1.0);
        Path file = Specs.write(root.resolve("ramp.json"), s);
        Path run = root.resolve("ramp");
        assertEquals(0, Vae4j.run("train", file, "--out", run, "--epochs", 3, "--no-progress").code());
        // the ramp was laid over 3 epochs: 0, 0.5, 1; extending to 5 keeps it, so 1 and 1 follow
        CliResult more = Vae4j.run("train", "--resume", "--out", run, "--epochs", 5, "--no-progress");
        assertEquals(0, more.code(), more::toString);
        List<String> rows = Files.readAllLines(run.resolve("metrics.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        int beta = header.indexOf("beta");
        assertEquals(List.of("0.000000", "0.500000", "1.000000", "1.000000", "1.000000"),
                rows.subList(1, 6).stream().map(r -> r.split(",")[beta]).toList());
        assertEquals(3, Specs.JSON.readTree(run.resolve("spec.json").toFile()).path("training").path("scheduleEpochs")
                .asInt());
    }

    @Test
    void aLearningRateScheduleIsFollowedLoggedAndKeptInTheSpec() throws IOException {
        ObjectNode s = spec();
        ((ObjectNode) s.putObject("optimizer").put("type", "adam").put("lr", 0.01)).putObject("schedule")
                .put("type", "cosine").put("warmupSteps", 2);
        Path run = root.resolve("cosine");
        CliResult r = Vae4j.run("train", Specs.write(root.resolve("cosine.json"), s), "--out", run, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        // 250 training images in batches of 32: 8 steps an epoch, 24 in the run, 22 after the warm-up;
        // each row has the rate of its epoch's last step (7, 15, 23)
        List<String> rows = Files.readAllLines(run.resolve("metrics.csv"));
        int lr = List.of(rows.get(0).split(",")).indexOf("lr");
        assertTrue(lr > 0, rows.get(0));
        for (int e = 1; e <= 3; e++) {
            double expected = 0.01 * (1 + Math.cos(Math.PI * (8 * e - 1 - 2) / 22.0)) / 2;
            assertEquals(expected, Double.parseDouble(rows.get(e).split(",")[lr]), 5e-7, "epoch " + e);
        }
        assertTrue(r.out().contains("epoch 3: beta 1.000 lr 5.09e-05  train "), r.out());
        assertEquals("cosine", Specs.JSON.readTree(run.resolve("spec.json").toFile()).path("optimizer")
                .path("schedule").path("type").asText(), "spec.json keeps the schedule, so --rerun follows it");
        assertTrue(Files.readString(run.resolve("provenance.json")).contains("\"cosine\""), "provenance names it");
    }

    @Test
    void theImportanceWeightedNllIsLoggedEveryNEpochsAsEvalGivesIt() throws IOException {
        ObjectNode s = spec();
        ((ObjectNode) s.get("training")).put("iwEvery", 2).put("iwSamples", 20).put("iwExamples", 0).put("epochs", 4);
        Path run = root.resolve("iw-log");
        CliResult r = Vae4j.run("train", Specs.write(root.resolve("iw-log.json"), s), "--out", run, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        List<String> rows = Files.readAllLines(run.resolve("metrics.csv"));
        int iw = List.of(rows.get(0).split(",", -1)).indexOf("test_iw_nll");
        assertTrue(iw > 0, rows.get(0));
        List<String> logged = rows.subList(1, 5).stream().map(row -> row.split(",", -1)[iw]).toList();
        assertEquals("", logged.get(0));
        assertEquals("", logged.get(2));
        assertTrue(r.out().contains("  test iw_nll " + String.format(java.util.Locale.ROOT, "%.3f",
                Double.parseDouble(logged.get(3))) + " (K = 20, 100 images)"), r.out());
        // the whole test split with the same K: the same estimate as eval's, to the printed digits
        CliResult eval = Vae4j.run("eval", run, "--iw-samples", 20);
        assertEquals(Specs.JSON.readTree(eval.out()).path("iw_nll").asDouble(), Double.parseDouble(logged.get(3)), 5e-7);
        assertTrue(Double.parseDouble(logged.get(1)) > Double.parseDouble(logged.get(3)), "it falls as the model learns");
    }

    /**
     * --init-from: a new run starts from another's parameters (checked by a learning rate too
     * small to move them: the new run evaluates as the old one), records the checkpoint, and
     * --rerun starts from it again; a model of another shape is refused before a folder is made.
     */
    @Test
    void aRunCanStartFromAnotherRunsParameters() throws IOException {
        Path base = root.resolve("init-base");
        assertEquals(0, Vae4j.run("train", Specs.write(root.resolve("init-base.json"), spec()), "--out", base,
                "--epochs", 2, "--no-progress").code());
        ObjectNode s = spec();
        s.putObject("optimizer").put("type", "sgd").put("lr", 1e-9);
        Path tuned = root.resolve("init-tuned");
        Path file = Specs.write(root.resolve("init-tuned.json"), s);
        CliResult r = Vae4j.run("train", file, "--out", tuned, "--epochs", 1, "--init-from", base, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("starting from " + base.resolve("checkpoints/epoch-0002.npz") + " (2 epochs of its "
                + "own run)"), r.out());
        double before = Specs.JSON.readTree(Vae4j.run("eval", base).out()).path("neg_elbo").asDouble();
        double after = Specs.JSON.readTree(Vae4j.run("eval", tuned).out()).path("neg_elbo").asDouble();
        assertEquals(before, after, 1e-3, "the new run holds the old run's parameters");
        var recorded = Specs.JSON.readTree(tuned.resolve("provenance.json").toFile()).path("initFrom");
        assertEquals(base.resolve("checkpoints/epoch-0002.npz").toString(), recorded.path("file").asText());
        assertEquals(64, recorded.path("sha256").asText().length());

        CliResult again = Vae4j.run("train", "--rerun", tuned, "--no-progress");
        assertEquals(0, again.code(), again::toString);
        assertEquals(Specs.JSON.readTree(tuned.resolve("summary.json").toFile()).path("test_neg_elbo").asDouble(),
                Specs.JSON.readTree(root.resolve("init-tuned-rerun/summary.json").toFile()).path("test_neg_elbo")
                        .asDouble(), 0, "--rerun starts from the same checkpoint");

        ((ObjectNode) s.get("model").get("encoder")).putArray("hidden").add(16);
        Path wider = root.resolve("init-other");
        CliResult refused = Vae4j.run("train", Specs.write(root.resolve("init-other.json"), s), "--out", wider,
                "--init-from", base.resolve("checkpoints/epoch-2"), "--no-progress");
        assertEquals(ExitCode.USAGE, refused.code(), refused::toString);
        assertTrue(refused.err().startsWith("vae4j train: --init-from " + base.resolve("checkpoints/epoch-0002.npz")
                + ": the checkpoint does not fit the model of "), refused.err());
        assertTrue(refused.err().contains("has shape [784, 32] in the checkpoint, the model expects [784, 16]"),
                refused.err());
        assertFalse(Files.exists(wider), "no run folder for a run that cannot start");
        CliResult none = Vae4j.run("train", file, "--out", wider, "--init-from", base.resolve("checkpoints/best"));
        assertEquals(ExitCode.RUN_DIRECTORY, none.code(), none::toString);
        assertEquals(ExitCode.USAGE, Vae4j.run("train", "--resume", "--out", tuned, "--init-from", base).code());
    }

    @Test
    void resumingToTheEpochsAlreadyTrainedRewritesNothing() throws Exception {
        Path run = root.resolve("done");
        assertEquals(0, Vae4j.run("train", Specs.write(root.resolve("done.json"), spec()), "--out", run, "--epochs",
                2, "--no-progress").code());
        var before = CliEndToEndTest.snapshot(run);
        CliResult again = Vae4j.run("train", "--resume", "--out", run, "--epochs", 2, "--no-progress");
        assertEquals(0, again.code(), again::toString);
        assertEquals(run + " has trained 2 epochs already: nothing to do (give --epochs N with N > 2 to continue)\n",
                again.out());
        assertEquals(before, CliEndToEndTest.snapshot(run));
    }

    /**
     * A validation figure that gets worse (here: neg_elbo watched with "mode": "max", so the
     * falling loss reads as worsening) stops the run after "patience" epochs; the best epoch's
     * model is kept as checkpoints/best.npz and gives the test figures; every picture command
     * can read it; a resumed run stays stopped.
     */
    @Test
    void earlyStoppingKeepsTheBestEpochAndStops() throws IOException {
        ObjectNode s = spec();
        ((ObjectNode) s.get("training")).put("epochs", 10).putObject("earlyStopping").put("metric", "neg_elbo")
                .put("patience", 2).put("mode", "max");
        Path run = root.resolve("early");
        CliResult r = Vae4j.run("train", Specs.write(root.resolve("early.json"), s), "--out", run, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("early stopping: validation neg_elbo has not improved for 2 epochs (best "),
                r.out());
        assertTrue(r.out().contains("after epoch 1)\ntest figures of the best epoch, 1 (checkpoints/best.npz)\n"),
                r.out());
        assertEquals(4, Files.readAllLines(run.resolve("metrics.csv")).size(), "header + 3 epochs");
        var summary = Specs.JSON.readTree(run.resolve("summary.json").toFile());
        assertEquals(1, summary.path("best_epoch").asInt());
        assertTrue(summary.path("stopped_early").asBoolean());
        assertEquals("best", summary.path("test_figures_of").asText());
        assertEquals(1, Specs.JSON.readTree(run.resolve("checkpoints/best.json").toFile()).path("epochsDone").asInt());
        CliResult best = Vae4j.run("eval", run, "--checkpoint", "best");
        assertEquals(summary.path("test_neg_elbo").asDouble(), Specs.JSON.readTree(best.out()).path("neg_elbo")
                .asDouble(), 0, "the summary reports the best epoch");
        CliResult latest = Vae4j.run("eval", run);
        assertEquals(3, Specs.JSON.readTree(latest.out()).path("epochs").asInt());
        assertTrue(Specs.JSON.readTree(latest.out()).path("neg_elbo").asDouble() < summary.path("test_neg_elbo")
                .asDouble(), "the last epoch's model is better trained, just not what was asked for");
        assertEquals(0, Vae4j.run("sample", run, "--checkpoint", "best", "--out", root.resolve("best.png")).code());
        CliResult none = Vae4j.run("eval", run, "--checkpoint", "epoch-9");
        assertEquals(ExitCode.FILES, none.code());
        assertEquals("vae4j eval: " + run + " has no checkpoint 'epoch-9'; it has: latest, best, epoch-2, epoch-3\n",
                none.err());
        CliResult resumed = Vae4j.run("train", "--resume", "--out", run, "--no-progress");
        assertEquals(0, resumed.code(), resumed::toString);
        assertEquals(4, Files.readAllLines(run.resolve("metrics.csv")).size(), "a stopped run stays stopped");
    }

    /**
     * A run that really over-fits: 5 real Fashion-MNIST training images, a wide MLP, 300 held-out
     * validation images. The training figure keeps falling while the validation figure turns and
     * rises; early stopping ends the run and the test figures are the best epoch's. (One step per
     * epoch makes single epochs noisy, so the test compares means of five epochs.)
     */
    @Test
    void earlyStoppingEndsARunThatOverfits() throws IOException {
        Path debian = Path.of("/usr/share/datasets/fashion-mnist");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(debian.resolve("train-images-idx3-ubyte.gz")),
                "needs apt-get install dataset-fashion-mnist");
        ObjectNode s = Specs.tiny(debian.toString());
        ((ObjectNode) s.get("data")).put("limit", 305).put("validation", 300).put("batchSize", 5)
                .put("evalBatchSize", 300);
        ObjectNode model = (ObjectNode) s.get("model");
        model.put("latentDim", 20);
        ((ObjectNode) model.get("encoder")).putArray("hidden").add(1000);
        ((ObjectNode) model.get("decoder")).putArray("hidden").add(1000);
        s.putObject("optimizer").put("type", "adam").put("lr", 0.001);
        s.putObject("training").put("epochs", 200).putObject("earlyStopping").put("metric", "neg_elbo")
                .put("patience", 10);
        Path run = root.resolve("overfits");
        CliResult r = Vae4j.run("train", Specs.write(root.resolve("overfits.json"), s), "--out", run, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        List<String> rows = Files.readAllLines(run.resolve("metrics.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        var summary = Specs.JSON.readTree(run.resolve("summary.json").toFile());
        int best = summary.path("best_epoch").asInt();
        int last = rows.size() - 1;
        assertTrue(summary.path("stopped_early").asBoolean() && last < 200, "stopped after " + last + " epochs");
        assertEquals(best + 10, last, "patience 10 after the best epoch");
        int train = header.indexOf("train_neg_elbo");
        int validation = header.indexOf("validation_neg_elbo");
        double validationRise = meanOf(rows, validation, last - 4, last) - meanOf(rows, validation, best, best);
        double trainFall = meanOf(rows, train, best - 4, best) - meanOf(rows, train, last - 4, last);
        assertTrue(validationRise > 2 && trainFall > 3, "over-fitting: after the best epoch " + best + " the validation "
                + "figure rose by " + validationRise + " nats while the training figure fell by " + trainFall);
        CliResult bestEval = Vae4j.run("eval", run, "--checkpoint", "best");
        assertEquals(summary.path("test_neg_elbo").asDouble(), Specs.JSON.readTree(bestEval.out()).path("neg_elbo")
                .asDouble(), 0, "the test figures are the best epoch's");
    }

    /** The mean of a metrics.csv column over epochs {@code from..to}, inclusive. */
    private static double meanOf(List<String> rows, int column, int from, int to) {
        double sum = 0;
        for (int epoch = from; epoch <= to; epoch++) {
            sum += Double.parseDouble(rows.get(epoch).split(",")[column]);
        }
        return sum / (to - from + 1);
    }

    @Test
    void helpAndVersion() {
        CliResult help = Vae4j.run("--help");
        assertEquals(0, help.code(), help::toString);
        assertTrue(help.out().startsWith("Usage: vae4j [command] [command options]"), help.out());
        assertTrue(help.out().contains("score"), help.out());
        assertTrue(help.out().contains("Exit codes: 0 success"), help.out());
        CliResult train = Vae4j.run("help", "train");
        assertEquals(0, train.code(), train::toString);
        assertTrue(train.out().contains("--resume"), train.out());
        assertEquals(train.out(), Vae4j.run("train", "--help").out());
        CliResult unknown = Vae4j.run("help", "fly");
        assertEquals(ExitCode.USAGE, unknown.code());
        assertTrue(unknown.err().startsWith("vae4j help: unknown command 'fly'; commands: train, eval"), unknown.err());
        CliResult version = Vae4j.run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().matches("vae4j \\S.* \\(Java .*\\)\n"), version.out());
    }
}
