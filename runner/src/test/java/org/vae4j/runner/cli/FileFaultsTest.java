package org.vae4j.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyFashionMnist;
import org.vae4j.runner.testing.Vae4j;

/**
 * File-system faults the user did not cause: a full disk and a read-only file system, made real
 * with a small tmpfs (the tests are skipped where the test may not mount one). Each must stop
 * with one line naming the path and the cause, exit 4, and leave the earlier checkpoints so that
 * {@code --resume} later gives the numbers of an uninterrupted run.
 */
class FileFaultsTest {
    @TempDir
    static Path root;
    static Path specFile;
    static Path mount;

    @BeforeAll
    static void data() throws IOException {
        Path data = TinyFashionMnist.write(root.resolve("data"));
        ObjectNode s = Specs.tiny(data.toString());
        ((ObjectNode) s.get("training")).put("testEachEpoch", false);
        specFile = Specs.write(root.resolve("spec.json"), s);
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A fresh tmpfs of the given size, or the test is skipped where none can be mounted. */
    private static Path tmpfs(String size) throws IOException {
        mount = Files.createDirectories(root.resolve("mnt-" + System.nanoTime()));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mount.toString()),
                "cannot mount a tmpfs here (not root, or no mount permission)");
        return mount;
    }

    @AfterEach
    void unmount() {
        if (mount != null) {
            run("umount", "-l", mount.toString());
            mount = null;
        }
    }

    @Test
    void aFullDiskStopsTheRunWithExit4AndResumingLaterLosesNothing() throws IOException {
        Path disk = tmpfs("16m");
        Path run = disk.resolve("run");
        CliResult first = Vae4j.run("train", specFile, "--out", run, "--epochs", 1, "--no-progress");
        assertEquals(0, first.code(), first::toString);
        // fill the disk but for a few kilobytes: the next checkpoint cannot be written
        long free = Files.getFileStore(disk).getUsableSpace();
        Path filler = disk.resolve("filler");
        Files.write(filler, new byte[(int) Math.max(0, free - 8 * 1024)]);
        CliResult full = Vae4j.run("train", "--resume", "--out", run, "--epochs", 3, "--no-progress");
        assertEquals(ExitCode.FILES, full.code(), full::toString);
        String last = full.err().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("vae4j train: cannot use " + run) || last.startsWith("vae4j train: a file could not"),
                full.err());
        assertTrue(last.contains("no space left on device (the disk is full; earlier checkpoints are intact, free "
                + "space and --resume)"), full.err());
        assertTrue(full.err().lines().count() == 1 || full.err().lines().allMatch(l -> l.startsWith("warning: ")
                || l.equals(last)), "one line, no stack trace: " + full.err());
        // room again: the run continues from its last complete checkpoint and ends where an
        // uninterrupted run ends
        Files.delete(filler);
        CliResult resumed = Vae4j.run("train", "--resume", "--out", run, "--epochs", 3, "--no-progress");
        assertEquals(0, resumed.code(), resumed::toString);
        Path straight = root.resolve("straight");
        assertEquals(0, Vae4j.run("train", specFile, "--out", straight, "--epochs", 3, "--no-progress").code());
        assertEquals(CliEndToEndTest.withoutTiming(straight.resolve("metrics.csv")),
                CliEndToEndTest.withoutTiming(run.resolve("metrics.csv")));
        assertEquals(CliEndToEndTest.testFigures(straight), CliEndToEndTest.testFigures(run));
    }

    @Test
    void aReadOnlyFileSystemIsNamedWithExit4() throws IOException {
        Path disk = tmpfs("4m");
        Files.createDirectories(disk.resolve("old"));
        assumeTrue(run("mount", "-o", "remount,ro", disk.toString()), "cannot remount read-only");
        Path run = disk.resolve("run");
        CliResult r = Vae4j.run("train", specFile, "--out", run, "--no-progress");
        assertEquals(ExitCode.FILES, r.code(), r::toString);
        assertEquals("vae4j train: cannot use " + run + ": read-only file system (choose another --out)\n", r.err());
        Map<String, String> before = Map.of();
        assertEquals(List.of(disk.resolve("old")), list(disk), "nothing written, nothing removed: " + before);
    }

    @Test
    void aPictureToAReadOnlyFileSystemIsNamedWithExit4() throws IOException {
        Path run = root.resolve("pictured");
        assertEquals(0, Vae4j.run("train", specFile, "--out", run, "--epochs", 1, "--no-progress").code());
        Path disk = tmpfs("1m");
        assumeTrue(run("mount", "-o", "remount,ro", disk.toString()), "cannot remount read-only");
        Path out = disk.resolve("samples.png");
        CliResult r = Vae4j.run("sample", run, "--out", out);
        assertEquals(ExitCode.FILES, r.code(), r::toString);
        assertTrue(r.err().startsWith("vae4j sample: cannot use "), r.err());
        assertTrue(r.err().endsWith(": read-only file system (choose another --out)\n"), r.err());
    }

    private static List<Path> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
