package org.vae4j.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one trial where Spark puts it: the runner's own {@code train}, in a process of its own
 * ({@code java -jar vae4j-runner.jar train SPEC --out DIR}), with its thread counts set so that
 * trials side by side do not oversubscribe the cores. A finished trial (its folder has
 * summary.json) is skipped; an interrupted one (checkpoints, no summary) is resumed; a failure is
 * recorded with the last line it printed, and the log of every run is kept in {@code logs/}.
 * Serializable: Spark ships it to the executors.
 *
 * @param sweepDir  the sweep's folder
 * @param java      the java command
 * @param javaOpts  the trial JVM's options (e.g. -Xmx4g)
 * @param runnerJar vae4j-runner.jar
 * @param threads   ND4J and BLAS threads per trial
 * @param plugins   a --plugins folder for the trials, or null
 */
public record TrialRunner(String sweepDir, String java, List<String> javaOpts, String runnerJar, int threads,
                          String plugins) implements Serializable {

    /**
     * @param t the trial, whose spec is written in {@code specs/} already
     * @return its result
     */
    public TrialResult run(Trial t) {
        Path dir = Path.of(sweepDir);
        Path runDir = dir.resolve(t.name());
        Path log = dir.resolve("logs").resolve(t.name() + ".log");
        try {
            if (Files.isRegularFile(runDir.resolve("summary.json"))) {
                return result(t, "skipped", runDir, "");
            }
            List<String> cmd = new ArrayList<>(List.of(java));
            cmd.addAll(javaOpts);
            cmd.addAll(List.of("-jar", runnerJar, "train"));
            if (hasCheckpoint(runDir)) {
                cmd.addAll(List.of("--resume", "--out", runDir.toString()));
                // to the trial's own epochs, whatever an interrupted session was told
                JsonNode epochs = SweepFile.JSON.readTree(t.spec()).path("training").path("epochs");
                if (epochs.canConvertToInt()) {
                    cmd.addAll(List.of("--epochs", String.valueOf(epochs.asInt())));
                }
            } else {
                moveAsideIfStarted(runDir);
                cmd.addAll(List.of(dir.resolve("specs").resolve(t.name() + ".json").toString(), "--out",
                        runDir.toString()));
            }
            cmd.add("--no-progress");
            if (plugins != null) {
                cmd.addAll(List.of("--plugins", plugins));
            }
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
            pb.environment().put("VAE4J_BLAS_THREADS", String.valueOf(threads));
            System.out.println(t.name() + ": started " + t.values());
            int code = pb.start().waitFor();
            if (code != 0) {
                return new TrialResult(t, "failed", seconds(runDir), "exit code " + code + ": " + lastLine(log),
                        Map.of());
            }
            TrialResult r = result(t, "finished", runDir, "");
            System.out.println(t.name() + ": finished in " + Math.round(r.seconds()) + " s");
            return r;
        } catch (IOException | RuntimeException e) {
            return new TrialResult(t, "failed", 0, e.toString(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TrialResult(t, "failed", 0, "interrupted", Map.of());
        }
    }

    /**
     * Checks, before any trial starts, that the first trial's data can be found and read: the
     * runner's {@code validate} on its spec, which locates (and if need be downloads) the data once,
     * rather than every trial failing on it, or downloading it, side by side.
     *
     * @param t the first trial, whose spec is written
     * @throws SweepException (exit code 3) with the runner's message if its data cannot be used
     */
    public void checkData(Trial t) {
        Path log = Path.of(sweepDir).resolve("logs").resolve(t.name() + "-validate.log");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(javaOpts);
        cmd.addAll(List.of("-jar", runnerJar, "validate", Path.of(sweepDir).resolve("specs").resolve(t.name() + ".json")
                .toString()));
        if (plugins != null) {
            cmd.addAll(List.of("--plugins", plugins));
        }
        try {
            Files.createDirectories(log.getParent());
            int code = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
            if (code == SweepException.DATA) {
                throw new SweepException("the data of " + t.name() + " cannot be used, so no trial was started: "
                        + String.join(" ", Files.readAllLines(log, StandardCharsets.UTF_8)).strip(), SweepException.DATA);
            }
        } catch (IOException e) {
            throw new SweepException("cannot run the runner (" + runnerJar + ") to check the data: " + e.getMessage(), 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SweepException("interrupted while checking the data", 4);
        }
    }

    private static boolean hasCheckpoint(Path runDir) throws IOException {
        Path c = runDir.resolve("checkpoints");
        if (!Files.isDirectory(c)) {
            return false;
        }
        try (Stream<Path> s = Files.list(c)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".npz"));
        }
    }

    /** A folder a trial started in but left without a checkpoint is kept, renamed, never deleted. */
    private static void moveAsideIfStarted(Path runDir) throws IOException {
        if (!Files.exists(runDir)) {
            return;
        }
        for (int i = 1; ; i++) {
            Path aside = runDir.resolveSibling(runDir.getFileName() + ".aborted-" + i);
            if (!Files.exists(aside)) {
                Files.move(runDir, aside);
                return;
            }
        }
    }

    private static TrialResult result(Trial t, String status, Path runDir, String error) throws IOException {
        JsonNode s = SweepFile.JSON.readTree(runDir.resolve("summary.json").toFile());
        Map<String, Double> figures = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNumber() && !e.getKey().equals("train_seconds_this_session")) {
                figures.put(e.getKey(), e.getValue().asDouble());
            }
        }
        return new TrialResult(t, status, seconds(runDir), error, figures);
    }

    /** @return the training seconds of metrics.csv's rows, 0 if there are none */
    static double seconds(Path runDir) {
        Path csv = runDir.resolve("metrics.csv");
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            if (lines.size() < 2) {
                return 0;
            }
            int col = List.of(lines.get(0).split(",", -1)).indexOf("seconds");
            double sum = 0;
            for (String l : lines.subList(1, lines.size())) {
                String[] v = l.split(",", -1);
                if (col >= 0 && col < v.length && !v[col].isEmpty()) {
                    sum += Double.parseDouble(v[col]);
                }
            }
            return sum;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
        return "(it printed nothing)";
    }
}
