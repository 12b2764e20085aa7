package org.vae4j.runner.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.command.CommandContext;
import org.vae4j.api.command.CommandException;
import org.vae4j.api.command.TrainedRun;
import org.vae4j.api.data.BatchSource;
import org.vae4j.runner.assemble.DataAssembler;
import org.vae4j.runner.assemble.TrainingData;
import org.vae4j.engine.io.Npz;
import org.vae4j.runner.pictures.ImageGrid;
import org.vae4j.runner.plugins.ProviderRegistry;
import org.vae4j.runner.run.RunDirectory;
import org.vae4j.runner.run.RunDirectoryException;
import org.vae4j.runner.run.TrainedModel;

/** What the runner offers a plugin's command: streams, run folders, arrays and pictures. */
final class PluginCommandContext implements CommandContext {
    private final PrintStream out;
    private final PrintStream err;
    private final ProviderRegistry registry;
    /** The runs {@link #openRun} opened, with their specs. */
    private final Map<TrainedRun, TrainedModel> opened = new java.util.IdentityHashMap<>();

    PluginCommandContext(PrintStream out, PrintStream err, ProviderRegistry registry) {
        this.out = out;
        this.err = err;
        this.registry = registry;
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public PrintStream err() {
        return err;
    }

    @Override
    public TrainedRun openRun(Path runDir) throws IOException {
        try {
            TrainedModel tm = TrainedModel.load(RunDirectory.open(runDir), registry);
            TrainedRun run = new TrainedRun(runDir, tm.model(), tm.data(), tm.epochsDone(), tm.spec().seed());
            opened.put(run, tm);
            return run;
        } catch (RunDirectoryException e) {
            throw new CommandException(CommandException.FILES, e.getMessage());
        }
    }

    @Override
    public Map<String, INDArray> readArrays(Path file) {
        try {
            return Npz.read(file);
        } catch (IOException e) {
            throw new CommandException(CommandException.DATA, file + ": cannot read it as a NumPy .npz archive: "
                    + e.getMessage());
        }
    }

    @Override
    public BufferedImage pictureGrid(INDArray intensities, long[] shape, int columns, int scale) {
        return ImageGrid.render(intensities, shape, columns, scale);
    }

    @Override
    public void writePng(BufferedImage image, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            ImageGrid.writePng(image, file);
        } catch (IOException e) {
            throw new CommandException(CommandException.FILES, "cannot write " + file + ": " + e.getMessage());
        }
    }

    @Override
    public BatchSource split(TrainedRun run, String split) {
        TrainedModel tm = opened.get(run);
        if (tm == null) {
            throw new IllegalArgumentException("the run was not opened by this context's openRun");
        }
        TrainingData data = DataAssembler.load(tm.spec(), run.folder(), System.getenv(),
                run.folder().resolve("spec.json").toString());
        return switch (split) {
            case "test" -> data.test();
            case "validation" -> {
                if (data.validation() == null) {
                    throw new CommandException(CommandException.USAGE, "the run has no validation split "
                            + "($.data.validation is 0)");
                }
                yield data.validation();
            }
            default -> throw new CommandException(CommandException.USAGE, "the split must be test or validation, got '"
                    + split + "'");
        };
    }
}
