package org.vae4j.sweep;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParameterException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code vae4j sweep SWEEP.json [--out DIR] [--master local[N]|spark://...] [--parallel N]
 * [--threads T] [--runner JAR] [--plugins DIR]}. Exit codes: 0 every trial finished, 2 a bad
 * command line or sweep file, 3 the first trial's data missing or corrupt (no trial started), 4 a
 * folder that cannot be written, 7 some trial failed (sweep.csv says which and why).
 */
public final class Main {
    /** Some trial failed; the others ran, and sweep.csv records each failure. */
    public static final int TRIALS_FAILED = 7;

    @Parameter(description = "SWEEP.json")
    List<String> files = new ArrayList<>();

    @Parameter(names = "--out", description = "The sweep's folder (default: sweeps/<sweep file's name>)")
    Path out;

    @Parameter(names = "--master", description = "Spark's master: local[N] (default, embedded) or spark://HOST:PORT; "
            + "under spark-submit, its --master")
    String master;

    @Parameter(names = "--parallel", description = "Trials at once in local mode (default: half the cores, at least 1)")
    Integer parallel;

    @Parameter(names = "--threads", description = "ND4J and BLAS threads per trial (default: cores / parallel)")
    Integer threads;

    @Parameter(names = "--runner", description = "vae4j-runner.jar, which trains each trial (default: the one "
            + "built next to this sweep jar, runner/target/vae4j-runner.jar)")
    Path runner;

    @Parameter(names = "--plugins", description = "A folder of plugin jars for the trials")
    Path plugins;

    @Parameter(names = {"--help", "-h"}, help = true, description = "This help")
    boolean help;

    private Main() {
    }

    /** @param args the command line, with or without a leading {@code sweep} */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * @param args    the command line
     * @param console standard output
     * @param err     standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintStream console, PrintStream err) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        if (!a.isEmpty() && a.get(0).equals("sweep")) {
            a.remove(0);
        }
        Main m = new Main();
        JCommander jc = JCommander.newBuilder().addObject(m).programName("vae4j sweep").build();
        try {
            jc.parse(a.toArray(new String[0]));
            if (m.help) {
                StringBuilder b = new StringBuilder();
                jc.getUsageFormatter().usage(b);
                console.print(b);
                return 0;
            }
            if (m.files.size() != 1) {
                throw new ParameterException("give one sweep file, e.g. vae4j sweep examples/fashion-mnist-beta-sweep.json");
            }
            return m.execute(console);
        } catch (SweepException e) {
            err.println("vae4j sweep: " + e.getMessage());
            return e.exitCode();
        } catch (ParameterException e) {
            err.println("vae4j sweep: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("vae4j sweep: cannot write the sweep's folder: " + describe(e));
            return 4;
        }
    }

    private int execute(PrintStream console) throws IOException {
        SweepFile sweep = SweepFile.read(Path.of(files.get(0)));
        int cores = Runtime.getRuntime().availableProcessors();
        int n = parallel != null ? parallel : Math.max(1, cores / 2);
        if (n < 1 || (threads != null && threads < 1)) {
            throw new ParameterException("--parallel and --threads must be 1 or more");
        }
        int t = threads != null ? threads : Math.max(1, cores / n);
        String m = master(master, n);
        Path jar = runner != null ? runner : defaultRunner();
        if (!Files.isRegularFile(jar)) {
            throw new SweepException("the runner jar " + jar + " does not exist: build it (mvn -DskipTests install) "
                    + "or give --runner");
        }
        Path dir = (out != null ? out : Path.of("sweeps", sweep.name())).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String opts = System.getenv().getOrDefault("VAE4J_TRIAL_JAVA_OPTS", "-Xmx4g");
        TrialRunner r = new TrialRunner(dir.toString(), java, List.of(opts.trim().split("\\s+")),
                jar.toAbsolutePath().toString(), t, plugins == null ? null : plugins.toAbsolutePath().toString());
        List<TrialResult> results = Sweep.run(sweep, dir, m, r, console);
        long failed = results.stream().filter(x -> !x.done()).count();
        console.println("wrote " + dir.resolve("sweep.csv") + " and " + dir.resolve(SweepReport.FILE)
                + (failed > 0 ? "; " + failed + " trial(s) failed" : ""));
        return failed > 0 ? TRIALS_FAILED : 0;
    }

    /** @return the file and the reason, as a person says it ("/x/out: Read-only file system") */
    static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return n.getFile() + ": no such file or folder";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        return e.toString();
    }

    /**
     * @param given    --master, or null
     * @param parallel trials at once in local mode
     * @return --master if given; else the master spark-submit set ({@code spark.master}); else
     *         embedded Spark, {@code local[parallel]}
     */
    static String master(String given, int parallel) {
        if (given != null) {
            return given;
        }
        String submitted = System.getProperty("spark.master");
        return submitted != null && !submitted.isBlank() ? submitted : "local[" + parallel + "]";
    }

    /** @return runner/target/vae4j-runner.jar of the checkout this sweep jar was built in */
    static Path defaultRunner() {
        Path self = ownJar();
        // sweep/target/vae4j-sweep.jar or sweep/target/classes
        return self == null ? Path.of("runner/target/vae4j-runner.jar")
                : self.getParent().getParent().getParent().resolve("runner/target/vae4j-runner.jar");
    }

    /** @return this jar (or classes folder), or null if it cannot be told */
    static Path ownJar() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
