package org.vae4j.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a sweep: writes each trial's spec into the sweep's folder (refusing a folder that holds
 * other trials under the same names), hands the trials to Spark, one task each, and writes
 * {@code sweep.csv} and {@code sweep.html} from what came back.
 */
public final class Sweep {
    private Sweep() {
    }

    /**
     * A sweep writes only into a new or empty folder or one of its own (with {@code specs/}), so
     * that a mistyped --out never overwrites a user's sweep.csv or fills a folder of theirs.
     */
    static void requireSweepFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir) || Files.isDirectory(dir.resolve("specs"))) {
            return;
        }
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new SweepException(dir + " exists and is not a sweep's folder (it has no specs/): give a new or "
                        + "empty --out, or the folder of an earlier run of this sweep");
            }
        }
    }

    /**
     * @param sweep   the sweep file, read
     * @param dir     the sweep's folder
     * @param master  Spark's master URL, e.g. {@code local[2]} or {@code spark://host:7077}
     * @param runner  how each trial runs
     * @param console where progress goes
     * @return the results, in trial order
     * @throws IOException    if the folder cannot be written
     * @throws SweepException if the folder holds other trials
     */
    public static List<TrialResult> run(SweepFile sweep, Path dir, String master, TrialRunner runner,
                                        PrintStream console) throws IOException {
        requireSweepFolder(dir);
        Path specs = Files.createDirectories(dir.resolve("specs"));
        for (Trial t : sweep.trials()) {
            Path f = specs.resolve(t.name() + ".json");
            if (Files.exists(f)) {
                String before = Files.readString(f, StandardCharsets.UTF_8);
                if (!before.equals(t.spec())) {
                    throw new SweepException(dir + " holds " + t.name() + " of another sweep (its spec " + f
                            + " differs from this sweep's): give another --out, or delete that folder yourself");
                }
            } else {
                AtomicWrite.text(f, t.spec());
            }
        }
        Files.createDirectories(dir.resolve("logs"));
        boolean allFinished = sweep.trials().stream()
                .allMatch(t -> Files.isRegularFile(dir.resolve(t.name()).resolve("summary.json")));
        if (!sweep.trials().isEmpty() && !allFinished) {
            runner.checkData(sweep.trials().get(0));
        }
        console.println(sweep.name() + ": " + sweep.trials().size() + " trials of " + sweep.paths() + " on Spark "
                + master + ", " + runner.threads() + " thread(s) each; folder " + dir);
        SparkConf conf = new SparkConf().setAppName("vae4j sweep " + sweep.name()).setMaster(master)
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                // a trial is a process of its own: a task that fails records it, it is not retried
                .set("spark.task.maxFailures", "1");
        if (master.startsWith("local")) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        } else {
            // a cluster's executors load the trial runner from this jar, shipped with the job
            Path jar = Main.ownJar();
            if (jar != null && Files.isRegularFile(jar)) {
                conf.setJars(new String[] {jar.toString()});
            }
        }
        List<TrialResult> results;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            results = new ArrayList<>(sc.parallelize(sweep.trials(), Math.max(1, sweep.trials().size()))
                    .map(runner::run).collect());
        }
        results.sort(Comparator.comparingInt(r -> r.trial().index()));
        AtomicWrite.text(dir.resolve("sweep.csv"), SweepTable.csv(sweep.paths(), results));
        SweepReport.write(dir, sweep.name(), sweep.paths(), results);
        for (TrialResult r : results) {
            console.println(r.trial().name() + " " + r.status() + " " + r.trial().values()
                    + (r.error().isEmpty() ? "" : ": " + r.error()));
        }
        return results;
    }
}
