package org.vae4j.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same sweep on a Spark standalone cluster as in local mode: a master and a worker started
 * here from the sweep's own jars (as {@code sbin/start-master.sh} and {@code start-worker.sh}
 * would, with {@code SPARK_HOME/jars} holding them), the sweep submitted to {@code
 * spark://127.0.0.1:PORT}, its executors running the trials. The figures must be those of local
 * mode. An integration test (failsafe, after {@code package}): it runs the jars the build made.
 */
class StandaloneClusterIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LIB = ROOT.resolve("sweep/target/lib");
    private static final Path JAR = ROOT.resolve("sweep/target/vae4j-sweep.jar");
    private static final Path RUNNER = ROOT.resolve("runner/target/vae4j-runner.jar");
    private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");

    @Test
    void aSweepOnAStandaloneClusterGivesTheNumbersOfLocalMode(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.exists(DEBIAN), "needs apt-get install dataset-fashion-mnist");
        Assumptions.assumeTrue(Files.isRegularFile(JAR) && Files.isRegularFile(RUNNER), "needs mvn package");
        Path home = Files.createDirectories(tmp.resolve("spark-home"));
        Files.createSymbolicLink(home.resolve("jars"), LIB);
        Files.writeString(tmp.resolve("base.json"), """
                {"name": "cluster", "seed": 4,
                 "data": {"dataset": "fashion-mnist", "limit": 300, "validation": 100, "batchSize": 100},
                 "model": {"latentDim": 3, "encoder": {"type": "mlp", "hidden": [16]},
                           "decoder": {"type": "mlp", "hidden": [16]}, "likelihood": {"type": "bernoulli"}},
                 "training": {"epochs": 1}}
                """);
        Path sweep = Files.writeString(tmp.resolve("sweep.json"), """
                {"base": "base.json", "grid": {"$.model.latentDim": [2, 3]}}
                """);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<Process> daemons = new ArrayList<>();
        try {
            Path masterLog = tmp.resolve("master.log");
            daemons.add(spark(home, masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", String.valueOf(port), "--webui-port", "0"));
            awaitLine(masterLog, "I have been elected leader");
            Path workerLog = tmp.resolve("worker.log");
            daemons.add(spark(home, workerLog, "org.apache.spark.deploy.worker.Worker",
                    "spark://127.0.0.1:" + port, "--host", "127.0.0.1", "--cores", "2", "--memory", "2g",
                    "--webui-port", "0", "--work-dir", tmp.resolve("work").toString()));
            awaitLine(workerLog, "Successfully registered with master");

            Path cluster = tmp.resolve("on-cluster");
            assertEquals(0, sweep(tmp, sweep, cluster, "--master", "spark://127.0.0.1:" + port),
                    () -> read(tmp.resolve("sweep-" + cluster.getFileName() + ".log")));
            Path local = tmp.resolve("local");
            assertEquals(0, sweep(tmp, sweep, local, "--parallel", "1"),
                    () -> read(tmp.resolve("sweep-" + local.getFileName() + ".log")));
            assertTrue(read(tmp.resolve("sweep-on-cluster.log")).contains("on Spark spark://127.0.0.1:" + port));
            assertEquals(figures(local), figures(cluster));
            assertTrue(Files.isDirectory(tmp.resolve("work")), "the worker ran executors");
        } finally {
            for (Process p : daemons) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    /** @return sweep.csv without the columns of time and speed */
    private static List<String> figures(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("sweep.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        for (String l : lines) {
            String[] v = l.split(",", -1);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < v.length; i++) {
                String h = header.get(i);
                if (!h.equals("seconds") && !h.equals("train_samples_per_s")) {
                    b.append(v[i]).append(',');
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    private static List<String> javaWithOpens() throws IOException {
        String pom = Files.readString(ROOT.resolve("sweep/pom.xml"));
        String opens = pom.substring(pom.indexOf("<spark.opens>") + 13, pom.indexOf("</spark.opens>"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(Arrays.asList(opens.trim().split("\\s+")));
        return cmd;
    }

    private static Process spark(Path home, Path log, String main, String... args) throws IOException {
        List<String> cmd = javaWithOpens();
        cmd.addAll(List.of("-Xmx512m", "-cp", LIB + "/*", main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        // the worker's executor command builder asks for it where a Spark distribution's scripts set it
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        return pb.start();
    }

    private static int sweep(Path tmp, Path file, Path out, String... args) throws Exception {
        List<String> cmd = javaWithOpens();
        cmd.addAll(List.of("-Xmx1g", "-jar", JAR.toString(), "sweep", file.toString(), "--out", out.toString(),
                "--threads", "1", "--runner", RUNNER.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("sweep-" + out.getFileName() + ".log").toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the sweep finishes");
        return p.exitValue();
    }

    private static void awaitLine(Path log, String text) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            if (Files.exists(log) && read(log).contains(text)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no '" + text + "' in " + log + " after 90 s:\n" + read(log));
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }
}
