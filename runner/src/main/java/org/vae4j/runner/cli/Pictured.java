package org.vae4j.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vae4j.runner.assemble.DataAssembler;
import org.vae4j.runner.assemble.TrainingData;
import org.vae4j.runner.pictures.RunFigures;
import org.vae4j.runner.run.RunDirectory;
import org.vae4j.runner.run.TrainedModel;

/**
 * What the picture commands (sample, interpolate, manifold, scatter, plot) share: the run folder,
 * its newest checkpoint and, when a picture needs it, the run's data.
 *
 * @param run     the run folder
 * @param model   the trained model
 * @param data    the run's data, or null when not loaded
 * @param figures the pictures of the model
 */
record Pictured(RunDirectory run, TrainedModel model, TrainingData data, RunFigures figures) {

    /**
     * @param command  the command's name, for messages
     * @param runDir   the positional arguments
     * @param plugins  the plugin folders
     * @param withData whether to load the run's data
     * @return the run, model and pictures
     * @throws IOException if the run cannot be read
     */
    static Pictured open(String command, List<String> runDir, PluginOptions plugins, boolean withData)
            throws IOException {
        return open(command, runDir, plugins, withData, "latest");
    }

    /**
     * @param command    the command's name, for messages
     * @param runDir     the positional arguments
     * @param plugins    the plugin folders
     * @param withData   whether to load the run's data
     * @param checkpoint which checkpoint: latest, best or epoch-N
     * @return the run, model and pictures
     * @throws IOException if the run cannot be read
     */
    static Pictured open(String command, List<String> runDir, PluginOptions plugins, boolean withData,
                         String checkpoint) throws IOException {
        requireOne(command, runDir);
        RunDirectory run = RunDirectory.open(Path.of(runDir.get(0)));
        TrainedModel tm = TrainedModel.load(run, plugins.registryFor(run.path()), checkpoint);
        if (!withData) {
            return new Pictured(run, tm, null, RunFigures.withoutData(tm.spec(), tm.model(), tm.data(), run.path()));
        }
        TrainingData data = DataAssembler.load(tm.spec(), run.path(), System.getenv(), run.spec().toString());
        return new Pictured(run, tm, data, new RunFigures(tm.spec(), tm.model(), data, run.path()));
    }

    /**
     * @param command the command's name
     * @param runDir  its positional arguments
     * @throws UsageException unless there is exactly one
     */
    static void requireOne(String command, List<String> runDir) {
        if (runDir.size() != 1) {
            throw new UsageException(command + " takes one RUN_DIR, got " + runDir.size());
        }
    }

    /**
     * @param out         the --out option, or null
     * @param defaultName the file in the run's images/ folder otherwise
     * @return the file to write, its folder created
     * @throws IOException if the folder cannot be created
     */
    Path output(Path out, String defaultName) throws IOException {
        return output(out, defaultName, List.of(".png"));
    }

    /**
     * @param out         the --out option, or null
     * @param defaultName the file in the run's images/ folder otherwise
     * @param formats     the file endings the picture can be written as, e.g. {@code .png}
     * @return the file to write, its folder created
     * @throws UsageException if --out names a folder or a format the picture is not written in
     * @throws IOException if the folder cannot be created
     */
    Path output(Path out, String defaultName, List<String> formats) throws IOException {
        if (out != null) {
            String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (Files.isDirectory(out)) {
                throw new UsageException("--out " + out + " is a folder; name the file to write, e.g. "
                        + out.resolve(defaultName));
            }
            if (formats.stream().noneMatch(name::endsWith)) {
                throw new UsageException("--out " + out + ": this picture is written as " + String.join(" or ", formats)
                        + "; name a file ending in " + String.join(" or ", formats));
            }
        }
        Path file = out != null ? out : run.images().resolve(defaultName);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return file;
    }
}
