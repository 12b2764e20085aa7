package org.vae4j.api.command;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.vae4j.api.data.BatchSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What a plugin's {@link Command} can use of the runner. */
public interface CommandContext {

    /** @return standard output */
    PrintStream out();

    /** @return standard error */
    PrintStream err();

    /**
     * Opens a run folder as {@code vae4j eval} does: its spec, plugins and newest checkpoint.
     *
     * @param runDir a folder {@code vae4j train} wrote
     * @return the trained model
     * @throws CommandException if the folder is no run or has no checkpoint
     * @throws IOException      if its files cannot be read
     */
    TrainedRun openRun(Path runDir) throws IOException;

    /**
     * Reads a NumPy {@code .npz} archive (e.g. pretrained weights).
     *
     * @param file the archive
     * @return its arrays by name
     * @throws CommandException naming the file and what is wrong with it
     */
    Map<String, INDArray> readArrays(Path file);

    /**
     * Tiles pictures into a grid, as every picture of a run is drawn.
     *
     * @param intensities one picture per row, {@code [N, C*H*W]}, values in [0, 1]
     * @param shape       one picture's shape {@code [C, H, W]} (1 or 3 channels)
     * @param columns     pictures per row of the grid
     * @param scale       the side in pixels each picture pixel becomes (nearest neighbour)
     * @return the grid
     */
    BufferedImage pictureGrid(INDArray intensities, long[] shape, int columns, int scale);

    /**
     * Writes a PNG atomically (a temporary file renamed into place), creating its folder.
     *
     * @param image the picture
     * @param file  the file
     * @throws CommandException naming the file and the cause if it cannot be written
     */
    void writePng(BufferedImage image, Path file);

    /**
     * A split of a run's data, batched as the run's evaluations batch it.
     *
     * @param run   a run {@link #openRun} opened
     * @param split {@code test} or {@code validation}
     * @return the batches
     * @throws CommandException if the split does not exist or the data cannot be read
     */
    BatchSource split(TrainedRun run, String split);
}
