package org.vae4j.plugins.deconvnet.visualize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.api.command.TrainedRun;
import org.vae4j.api.data.DataInfo;
import org.vae4j.api.model.HasNetworks;
import org.vae4j.api.random.Seeds;
import org.vae4j.api.random.Streams;
import org.vae4j.engine.layers.Sequential;
import org.vae4j.engine.layers.conv.Flatten;
import org.vae4j.engine.layers.conv.Reshape;
import org.vae4j.engine.random.SeededRandom;
import org.vae4j.plugins.deconvnet.AlexNet;
import org.vae4j.plugins.deconvnet.UndoableSequential;

/**
 * A network to visualize: its layers with undo, the image shape it takes, how pictures are
 * normalized for it, and a description for the console.
 *
 * @param layers      the layers, counted from 1 for {@code --layer}
 * @param imageShape  the picture's shape {@code [C, H, W]}
 * @param flatInput   whether the first layer takes the picture flattened ({@code [N, C*H*W]})
 * @param normalization how intensities become the network's input
 * @param description one line: what network, which weights
 */
public record VisualizedNetwork(UndoableSequential layers, long[] imageShape, boolean flatInput,
                                Normalization normalization, String description) {
    /**
     * AlexNet's {@code features} on 224x224 RGB pictures with ImageNet's normalization.
     *
     * @param weights      torchvision-named arrays, or null for PyTorch's random initialisation
     * @param weightsFile  where they came from, for the description
     * @param seed         the seed of the random initialisation
     * @return the network
     * @throws IllegalArgumentException if the arrays do not fit AlexNet
     */
    public static VisualizedNetwork alexnet(Map<String, INDArray> weights, Path weightsFile, long seed) {
        Sequential features;
        try (SeededRandom r = new SeededRandom(Seeds.derive(seed, Streams.VISUALIZED_WEIGHTS, 0))) {
            features = AlexNet.features(AlexNet.INPUT, r.get());
        }
        if (weights != null) {
            AlexNet.load(features, weights);
        }
        return new VisualizedNetwork(UndoableSequential.of(features), AlexNet.INPUT.clone(), false,
                new Normalization(AlexNet.MEAN, AlexNet.STD), "AlexNet features, "
                + (weights == null ? "random weights (seed " + seed + "; --weights FILE.npz for trained ones)"
                : "weights from " + weightsFile));
    }

    /**
     * A network of a model trained by vae4j, its encoder by default. Leading reshapes from the
     * flat data to its image shape are left out, so layer 1 is the first layer that sees the
     * picture.
     *
     * @param model   the trained model
     * @param network the network's name, e.g. {@code encoder} or {@code discriminator}
     * @return the network
     * @throws IllegalArgumentException if the model has no such network or its data are not images
     */
    public static VisualizedNetwork networkOf(TrainedRun model, String network) {
        Path run = model.folder();
        long[] shape = model.data().shape();
        if (shape.length != 3) {
            throw new IllegalArgumentException(run + ": the data are " + Arrays.toString(shape)
                    + " per example, not images [C, H, W]");
        }
        if (!(model.model() instanceof HasNetworks nets) || !nets.networks().containsKey(network)) {
            throw new IllegalArgumentException(run + ": the model has no network '" + network + "'"
                    + (model.model() instanceof HasNetworks nets2 ? "; its networks: "
                    + String.join(", ", nets2.networks().keySet()) : ""));
        }
        UndoableSequential seq = UndoableSequential.of(nets.networks().get(network));
        int drop = 0;
        while (drop < seq.size() && isUnflatten(seq.layers().get(drop), shape)) {
            drop++;
        }
        UndoableSequential image = seq.drop(drop);
        if (image.size() == 0) {
            throw new IllegalArgumentException(run + ": the encoder has no layers to visualize");
        }
        long[] in = image.layers().get(0).inputShape();
        boolean flat = in.length == 1;
        return new VisualizedNetwork(image, shape.clone(), flat, normalization(model.data()),
                "the " + network + " of " + run + " (epoch " + model.epochsDone() + ")");
    }

    private static boolean isUnflatten(Layer l, long[] shape) {
        return l instanceof Reshape && !(l instanceof Flatten) && Arrays.equals(l.outputShape(), shape);
    }

    /** How the run's networks saw their data: the transform and the input mapping of the spec. */
    static Normalization normalization(DataInfo d) {
        String input = d.input() == null ? DataInfo.SAME : d.input();
        return switch (input) {
            case DataInfo.SYMMETRIC -> Normalization.SYMMETRIC;
            case DataInfo.SAME -> d.quantized()
                    ? new Normalization(new double[] {0}, new double[] {1.0 / d.levels()})
                    : Normalization.IDENTITY;
            default -> throw new IllegalArgumentException("visualize cannot map pictures to data.input '" + input
                    + "'; it knows same and symmetric");
        };
    }

    /**
     * @param intensities a picture {@code [C*H*W]} in [0, 1]
     * @return the network's input batch of one
     */
    public INDArray input(double[] intensities) {
        int c = (int) imageShape[0];
        int hw = (int) (imageShape[1] * imageShape[2]);
        double[] v = new double[intensities.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = normalization.toNetwork(intensities[i], i / hw % c);
        }
        long[] shape = flatInput ? new long[] {1, v.length} : new long[] {1, imageShape[0], imageShape[1], imageShape[2]};
        return Nd4j.create(v, shape, 'c').castTo(DataType.FLOAT);
    }

    /**
     * @param x      the input from {@link #input}
     * @param layers the layers to visualize, each from 1 to the number of layers
     * @param k      activations kept per visualization
     * @return one visualization per layer, each {@code [C*H*W]} in the network's units
     */
    public List<INDArray> visualize(INDArray x, List<Integer> layers, int k) {
        List<INDArray> out = new ArrayList<>();
        for (int layer : layers) {
            if (layer < 1) {
                throw new IllegalArgumentException("--layer must be from 1 to " + this.layers.size() + ", got " + layer);
            }
            out.add(this.layers.visualizeActivations(x, layer, k).reshape(-1));
        }
        return out;
    }
}
