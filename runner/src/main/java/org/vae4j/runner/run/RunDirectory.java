package org.vae4j.runner.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * The folder a training run writes: {@code spec.json} (resolved), {@code provenance.json},
 * {@code metrics.csv}, {@code summary.json}, {@code checkpoints/}, {@code images/} and
 * {@code run.log}. An existing run is never overwritten: a new run needs a new folder, or
 * {@code --force} (which moves the old one aside, not deletes it), or {@code --resume}.
 */
public final class RunDirectory {
    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    /**
     * Prepares the folder of a new run.
     *
     * @param dir    the folder
     * @param force  whether an existing non-empty folder may be moved aside
     * @param notify where to say that a folder was moved aside
     * @return the run directory, created and empty
     * @throws RunDirectoryException if the folder exists, is not empty and {@code force} is false
     * @throws IOException if it cannot be created
     */
    public static RunDirectory create(Path dir, boolean force, PrintStream notify) throws IOException {
        if (Files.exists(dir) && !isEmptyDir(dir)) {
            if (!force) {
                throw new RunDirectoryException(dir + " already exists and is not empty; choose another --out, "
                        + "continue it with --resume, or pass --force to move it aside to " + dir.getFileName()
                        + ".replaced-<time> and start afresh");
            }
            Path aside = dir.resolveSibling(dir.getFileName() + ".replaced-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            Files.move(dir, aside);
            notify.println("moved the existing " + dir + " aside to " + aside);
        }
        Files.createDirectories(dir);
        return new RunDirectory(dir);
    }

    /**
     * Opens an existing run.
     *
     * @param dir the folder
     * @return the run directory
     * @throws RunDirectoryException if it holds no {@code spec.json}
     */
    public static RunDirectory open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RunDirectoryException(dir + " is not a folder; give the folder a 'vae4j train' run wrote");
        }
        if (!Files.isRegularFile(dir.resolve("spec.json"))) {
            throw new RunDirectoryException(dir + " has no spec.json, so it is not a vae4j run folder");
        }
        return new RunDirectory(dir);
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** @return the folder */
    public Path path() {
        return dir;
    }

    /** @return {@code spec.json} */
    public Path spec() {
        return dir.resolve("spec.json");
    }

    /** @return {@code provenance.json} */
    public Path provenance() {
        return dir.resolve("provenance.json");
    }

    /** @return {@code metrics.csv} */
    public Path metrics() {
        return dir.resolve("metrics.csv");
    }

    /** @return {@code summary.json} */
    public Path summary() {
        return dir.resolve("summary.json");
    }

    /** @return {@code checkpoints/} */
    public Path checkpoints() {
        return dir.resolve("checkpoints");
    }

    /** @return {@code images/}, created if absent */
    public Path images() throws IOException {
        return Files.createDirectories(dir.resolve("images"));
    }

    /**
     * Appends a line to {@code run.log}.
     *
     * @param line the line
     */
    public void log(String line) {
        try {
            Files.writeString(dir.resolve("run.log"), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("warning: cannot append to " + dir.resolve("run.log") + ": " + e.getMessage());
        }
    }
}
