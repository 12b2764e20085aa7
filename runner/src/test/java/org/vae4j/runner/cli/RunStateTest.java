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
