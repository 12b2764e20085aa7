package org.vae4j.plugins.deconvnet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.vae4j.api.Layer;
import org.vae4j.api.Parameter;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.ReLU;
import org.vae4j.engine.layers.Sequential;
import org.vae4j.engine.layers.conv.Conv2d;
import org.vae4j.engine.layers.conv.MaxPool2d;
import org.vae4j.engine.layers.conv.Size2d;

/**
 * The {@code features} part of torchvision's AlexNet, seed 004's network for visualizations:
 * <pre>
 *  0 Conv2d(3, 64, 11, stride 4, padding 2)   1 ReLU   2 MaxPool2d(3, stride 2)
 *  3 Conv2d(64, 192, 5, padding 2)            4 ReLU   5 MaxPool2d(3, stride 2)
 *  6 Conv2d(192, 384, 3, padding 1)           7 ReLU
 *  8 Conv2d(384, 256, 3, padding 1)           9 ReLU
 * 10 Conv2d(256, 256, 3, padding 1)          11 ReLU  12 MaxPool2d(3, stride 2)
 * </pre>
 * With PyTorch's default initialization, or with weights from a NumPy {@code .npz} file whose
 * arrays are named as in torchvision's {@code state_dict()}: {@code features.0.weight}
 * {@code [64, 3, 11, 11]}, {@code features.0.bias} {@code [64]}, {@code features.3.weight}, ...,
 * {@code features.10.bias} (docs/VISUALIZE.md has the five lines of Python that write it).
 * Inputs are RGB images normalized with ImageNet's {@link #MEAN} and {@link #STD}.
 */
public final class AlexNet {
    /** The input of seed 004: 3 x 224 x 224. */
    public static final long[] INPUT = {3, 224, 224};
    /** ImageNet's per-channel means, from torchvision's documentation. */
    public static final double[] MEAN = {0.485, 0.456, 0.406};
    /** ImageNet's per-channel standard deviations. */
    public static final double[] STD = {0.229, 0.224, 0.225};
    /** The torchvision indices of the convolutions within {@code features}. */
    public static final List<Integer> CONVOLUTIONS = List.of(0, 3, 6, 8, 10);

    private AlexNet() {
    }

    /**
     * @param inputShape {@code [3, H, W]}, {@link #INPUT} for seed 004 (at least 63 x 63)
     * @param random     the stream for the initial weights
     * @return the 13 layers of {@code features}, randomly initialized as PyTorch does
     */
    public static Sequential features(long[] inputShape, Random random) {
        DataType t = DataType.FLOAT;
        Initializer init = Initializer.PYTORCH;
        List<Layer> layers = new ArrayList<>();
        long[] shape = inputShape.clone();
        shape = add(layers, new Conv2d(shape, 64, 11, 4, 2, init, t, random));
        shape = add(layers, new ReLU(shape));
        shape = add(layers, pool(shape));
        shape = add(layers, new Conv2d(shape, 192, 5, 1, 2, init, t, random));
        shape = add(layers, new ReLU(shape));
        shape = add(layers, pool(shape));
        shape = add(layers, new Conv2d(shape, 384, 3, 1, 1, init, t, random));
        shape = add(layers, new ReLU(shape));
        shape = add(layers, new Conv2d(shape, 256, 3, 1, 1, init, t, random));
        shape = add(layers, new ReLU(shape));
        shape = add(layers, new Conv2d(shape, 256, 3, 1, 1, init, t, random));
        shape = add(layers, new ReLU(shape));
        add(layers, pool(shape));
        return new Sequential(layers);
    }

    private static MaxPool2d pool(long[] shape) {
        return new MaxPool2d(shape, Size2d.of(3), Size2d.of(2), Size2d.of(0));
    }

    private static long[] add(List<Layer> layers, Layer l) {
        layers.add(l);
        return l.outputShape();
    }

    /** @return the names of the arrays a weights file must hold, in torchvision's order */
    public static List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int i : CONVOLUTIONS) {
            names.add("features." + i + ".weight");
            names.add("features." + i + ".bias");
        }
        return names;
    }

    /**
     * Copies torchvision-named arrays into the layers of {@link #features}. Arrays whose names do
     * not start with {@code features.} (such as the classifier's) are ignored.
     *
     * @param features the network from {@link #features}
     * @param arrays   the arrays by name; any floating-point type
     * @throws IllegalArgumentException naming every missing, unknown or mis-shaped array
     */
    public static void load(Sequential features, Map<String, INDArray> arrays) {
        Map<String, Parameter> params = new LinkedHashMap<>();
        List<Layer> layers = features.children();
        for (int i : CONVOLUTIONS) {
            for (Parameter p : layers.get(i).parameters()) {
                params.put("features." + i + "." + p.name(), p);
            }
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            INDArray a = arrays.get(e.getKey());
            long[] want = e.getValue().value().shape();
            if (a == null) {
                problems.add("missing " + e.getKey() + " " + Arrays.toString(want));
            } else if (!Arrays.equals(a.shape(), want)) {
                problems.add(e.getKey() + " is " + Arrays.toString(a.shape()) + ", AlexNet needs " + Arrays.toString(want));
            } else if (!a.dataType().isFPType()) {
                problems.add(e.getKey() + " is " + a.dataType() + ", not floating point");
            }
        }
        for (String name : arrays.keySet()) {
            if (name.startsWith("features.") && !params.containsKey(name)) {
                problems.add("unknown array " + name + " (AlexNet's features have " + String.join(", ",
                        parameterNames()) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("AlexNet weights do not fit: " + String.join("; ", problems));
        }
        params.forEach((name, p) -> p.value().assign(arrays.get(name).castTo(p.value().dataType())));
    }
}
