package org.vae4j.plugins.deconvnet.visualize;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParameterException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.command.Command;
import org.vae4j.api.command.CommandContext;
import org.vae4j.api.command.CommandException;

/**
 * {@code vae4j visualize --model alexnet|RUN_DIR --image FILE --layer L --k K --out FILE.png}:
 * Zeiler and Fergus's visualization of a layer's k highest activations in input space (seed
 * 004), the input and one panel per layer side by side. A command this plugin contributes to
 * {@code vae4j}; the runner knows nothing of it.
 */
public final class VisualizeCommand implements Command {
    /** The usage line after {@code vae4j visualize}. */
    static final String USAGE = "--model alexnet|RUN_DIR --image FILE --layer L --k K --out FILE.png "
            + "[--network encoder] [--weights FILE.npz] [--seed S] [--stretch]";

    @Parameter(names = "--model", description = "alexnet, or a run folder whose encoder to visualize", required = true)
    String model;

    @Parameter(names = "--network", description = "which network of a run folder's model (encoder, discriminator, ...)")
    String network = "encoder";

    @Parameter(names = "--image", description = "The picture (PNG, JPEG, GIF, BMP); centre-cropped and resized "
            + "bilinearly to the network's input", required = true)
    Path image;

    @Parameter(names = "--layer", description = "Layer(s) to visualize, counted from 1 over the network's modules; "
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

    @Parameter(names = "--stretch", description = "Scale each visualization to its largest magnitude around "
            + "mid-grey instead of seed 004's data_to_image (undo the normalization, clamp)")
    boolean stretch = false;

    @Parameter(names = {"--help", "-h"}, help = true, description = "Show the options")
    boolean help;

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        JCommander jc = JCommander.newBuilder().programName("vae4j visualize").addObject(this).build();
        try {
            jc.parse(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw CommandException.usage(e.getMessage() + "; usage: vae4j visualize " + USAGE);
        }
        if (help) {
            StringBuilder sb = new StringBuilder();
            jc.getUsageFormatter().usage(sb);
            context.out().print(sb);
            return 0;
        }
        PrintStream console = context.out();
        if (k < 1) {
            throw CommandException.usage("--k must be >= 1, got " + k);
        }
        if (layers.isEmpty()) {
            throw CommandException.usage("give at least one --layer");
        }
        VisualizedNetwork net;
        try {
            if ("alexnet".equals(model)) {
                net = VisualizedNetwork.alexnet(weights == null ? null : context.readArrays(weights), weights, seed);
            } else {
                if (weights != null) {
                    throw CommandException.usage("--weights is for --model alexnet; a run folder has its own checkpoint");
                }
                Path dir = Path.of(model);
                if (!Files.isDirectory(dir)) {
                    throw CommandException.usage("--model must be alexnet or a run folder, got '" + model + "'");
                }
                net = VisualizedNetwork.networkOf(context.openRun(dir), network);
            }
        } catch (IllegalArgumentException e) {
            throw CommandException.usage((weights != null ? weights + ": " : "") + e.getMessage());
        }
        long[] shape = net.imageShape();
        BufferedImage picture;
        try {
            picture = InputImage.fit(InputImage.read(image), (int) shape[1], (int) shape[2]);
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(e.getMessage());
        } catch (IOException e) {
            throw new CommandException(CommandException.DATA, image + ": " + e.getMessage());
        }
        INDArray x = net.input(InputImage.intensities(picture, (int) shape[0]));
        List<INDArray> panels = new ArrayList<>();
        panels.add(x.reshape(-1));
        try {
            panels.addAll(net.visualize(x, layers, k));
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(e.getMessage());
        }
        context.writePng(PanelPicture.render(panels, shape, net.normalization(), stretch, context), out);
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
        return 0;
    }
}
