package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.runner.run.RunDirectory;
import org.vae4j.runner.run.TrainedModel;
import org.vae4j.runner.visualize.InputImage;
import org.vae4j.runner.visualize.PanelPicture;
import org.vae4j.runner.visualize.VisualizedNetwork;

/**
 * {@code vae4j visualize --model alexnet|RUN_DIR --image FILE --layer L --k K --out FILE.png}:
 * Zeiler and Fergus's visualisation of a layer's k highest activations in input space (seed
 * 004), the input and one panel per layer side by side.
 */
@Parameters(commandDescription = "Show a layer's top-k activations in input space (Zeiler-Fergus deconvnet)")
public final class VisualizeCommand {
    @Parameter(names = "--model", description = "alexnet, or a run folder whose encoder to visualise", required = true)
    String model;

    @Parameter(names = "--image", description = "The picture (PNG, JPEG, GIF, BMP); centre-cropped and resized "
            + "bilinearly to the network's input", required = true)
    Path image;

    @Parameter(names = "--layer", description = "Layer(s) to visualise, counted from 1 over the network's modules; "
            + "repeatable or comma-separated")
    List<Integer> layers = new ArrayList<>(List.of(1));

    @Parameter(names = "--k", description = "Activations kept per picture")
    int k = 9;

    @Parameter(names = "--out", description = "The PNG to write", required = true)
    Path out;

    @Parameter(names = "--weights", description = "alexnet only: a .npz of torchvision-named arrays "
            + "(features.0.weight, ...); without it the weights are random")
    Path weights;

    @Parameter(names = "--seed", description = "alexnet only: seed of the random weights")
    long seed = 0;

    @Parameter(names = "--stretch", description = "Scale each visualisation to its largest magnitude around "
            + "mid-grey instead of seed 004's data_to_image (undo the normalisation, clamp)")
    boolean stretch = false;

    @ParametersDelegate
    PluginOptions plugins = new PluginOptions();

    int run(PrintStream console) throws Exception {
        if (k < 1) {
            throw new UsageException("--k must be >= 1, got " + k);
        }
        if (layers.isEmpty()) {
            throw new UsageException("give at least one --layer");
        }
        VisualizedNetwork net;
        if ("alexnet".equals(model)) {
            net = VisualizedNetwork.alexnet(weights, seed);
        } else {
            if (weights != null) {
                throw new UsageException("--weights is for --model alexnet; a run folder has its own checkpoint");
            }
            Path dir = Path.of(model);
            if (!Files.isDirectory(dir)) {
                throw new UsageException("--model must be alexnet or a run folder, got '" + model + "'");
            }
            net = VisualizedNetwork.encoderOf(TrainedModel.load(RunDirectory.open(dir), plugins.registry()), dir);
        }
        long[] shape = net.imageShape();
        BufferedImage picture = InputImage.fit(InputImage.read(image), (int) shape[1], (int) shape[2]);
        INDArray x = net.input(InputImage.intensities(picture, (int) shape[0]));
        List<INDArray> panels = new ArrayList<>();
        panels.add(x.reshape(-1));
        panels.addAll(net.visualise(x, layers, k));
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        PanelPicture.write(PanelPicture.render(panels, shape, net.normalisation(), stretch), out);
        console.println("model: " + net.description());
        for (String line : net.layers().describeLayers()) {
            console.println("  " + line);
        }
        long hw = shape[1] * shape[2];
        for (int i = 0; i < layers.size(); i++) {
            INDArray v = panels.get(i + 1).reshape(shape[0], hw).sum(0);
            long touched = v.neq(0.0).castTo(DataType.INT).sumNumber().longValue();
            console.println(String.format(Locale.ROOT, "layer %d: %d of %d pixels touched, largest magnitude %.3g",
                    layers.get(i), touched, hw, panels.get(i + 1).amaxNumber().doubleValue()));
        }
        StringBuilder order = new StringBuilder("input");
        for (int l : layers) {
            order.append(" | layer ").append(l);
        }
        console.println("wrote " + out + " (" + order + "; k = " + k + (stretch ? ", stretched" : "") + ")");
        return ExitCode.OK;
    }
}
