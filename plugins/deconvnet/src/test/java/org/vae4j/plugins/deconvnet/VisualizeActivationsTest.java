package org.vae4j.plugins.deconvnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.engine.testing.Arrays.assertClose;
import static org.vae4j.engine.testing.Arrays.rng;
import static org.vae4j.engine.testing.Arrays.randn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.io.Npz;
import org.vae4j.engine.layers.Sequential;
import org.vae4j.engine.layers.conv.Conv2d;
import org.vae4j.engine.layers.conv.MaxPool2d;
import org.vae4j.engine.layers.conv.Upsample;

/**
 * Seed 004, exercise 2: {@code keep_top_k}, {@code visualise_activations} and AlexNet's features
 * on a 224x224 RGB input. The bounds on touched pixels hold for any weights (each kept activation
 * reaches back only through its receptive field), so random ones test them.
 */
class VisualizeActivationsTest {
    private static Sequential alexnet;
    private static INDArray image;

    @BeforeAll
    static void network() {
        alexnet = AlexNet.features(AlexNet.INPUT, rng(42));
        // a normalized image: standard normal values, as ImageNet-normalized pixels roughly are
        image = randn(DataType.FLOAT, 7, 1, 3, 224, 224);
    }

    private static long touchedPixels(INDArray vis) {
        INDArray channelSum = vis.sum(1);
        return channelSum.neq(0.0).castTo(DataType.INT).sumNumber().longValue();
    }

    /** Seed 004's {@code keep_top_k}: the k highest entries of each example stay in place, the rest become 0. */
    @Test
    void keepTopKKeepsTheKHighestEntriesPerExample() {
        INDArray t = Nd4j.createFromArray(new double[][][] {{{3, -1}, {7, 2}}, {{-5, -4}, {-6, -3}}});
        assertClose(Nd4j.createFromArray(new double[][][] {{{3, 0}, {7, 0}}, {{0, -4}, {0, -3}}}), TopK.keepTopK(t, 2), 0);
        assertClose(t, TopK.keepTopK(t, 4), 0);
        assertEquals(0.0, TopK.keepTopK(t, 0).amaxNumber().doubleValue());
        // equal values: the earlier position wins
        INDArray ties = Nd4j.createFromArray(new double[][] {{1, 5, 5, 5}});
        assertClose(Nd4j.createFromArray(new double[][] {{0, 5, 5, 0}}), TopK.keepTopK(ties, 2), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopK.keepTopK(t, 5));
        assertEquals("k must be from 0 to the 4 entries per example, got 5", e.getMessage());
        // a large random batch against sorting
        INDArray big = randn(DataType.FLOAT, 3, 3, 10, 17, 9);
        INDArray kept = TopK.keepTopK(big, 9);
        for (int n = 0; n < 3; n++) {
            INDArray row = big.get(org.nd4j.linalg.indexing.NDArrayIndex.point(n)).reshape(-1);
            INDArray keptRow = kept.get(org.nd4j.linalg.indexing.NDArrayIndex.point(n)).reshape(-1);
            double[] sorted = row.toDoubleVector();
            java.util.Arrays.sort(sorted);
            double threshold = sorted[sorted.length - 9];
            assertEquals(9, keptRow.neq(0.0).castTo(DataType.INT).sumNumber().intValue());
            for (int i = 0; i < row.length(); i++) {
                double v = row.getDouble(i);
                assertEquals(v >= threshold ? v : 0.0, keptRow.getDouble(i), 0.0);
            }
        }
    }

    /** AlexNet's features as torchvision builds them: 13 modules, 64x55x55 after the first convolution, 256x6x6 out. */
    @Test
    void alexnetFeaturesHaveTorchvisionsShapes() {
        List<Layer> l = alexnet.children();
        assertEquals(13, l.size());
        assertArrayEquals(new long[] {64, 55, 55}, l.get(0).outputShape());
        assertArrayEquals(new long[] {64, 27, 27}, l.get(2).outputShape());
        assertArrayEquals(new long[] {192, 27, 27}, l.get(3).outputShape());
        assertArrayEquals(new long[] {192, 13, 13}, l.get(5).outputShape());
        assertArrayEquals(new long[] {256, 6, 6}, l.get(12).outputShape());
        assertArrayEquals(new long[] {64, 3, 11, 11}, l.get(0).parameters().get(0).value().shape());
        assertEquals(List.of("features.0.weight", "features.0.bias", "features.3.weight", "features.3.bias",
                "features.6.weight", "features.6.bias", "features.8.weight", "features.8.bias", "features.10.weight",
                "features.10.bias"), AlexNet.parameterNames());
    }

    /** Seed 004: layer 1 with k = 9 has x's shape and touches at most 9 x 11 x 11 = 1089 pixels. */
    @Test
    void layer1VisualizationHasTheInputShapeAndTouchesAtMost1089Pixels() {
        UndoableSequential seq = UndoableSequential.of(alexnet);
        INDArray vis = seq.visualizeActivations(image, 1, 9);
        assertArrayEquals(image.shape(), vis.shape());
        long touched = touchedPixels(vis);
        assertTrue(touched <= 1089, touched + " pixels touched");
        assertTrue(touched >= 121, "at least one 11x11 patch, got " + touched);
    }

    /** Seed 004: layer 4 (the second convolution) with k = 9 has x's shape and touches at most 24336 pixels. */
    @Test
    void layer4VisualizationHasTheInputShapeAndTouchesAtMost24336Pixels() {
        UndoableSequential seq = UndoableSequential.of(alexnet);
        INDArray vis = seq.visualizeActivations(image, 4, 9);
        assertArrayEquals(image.shape(), vis.shape());
        long touched = touchedPixels(vis);
        assertTrue(touched <= 24336, touched + " pixels touched");
        assertTrue(touched > 1089, "deeper layers reach further, got " + touched);
    }

    /** Seed 004: {@code layer <= 0} returns x; a layer past the end is an error naming the depth. */
    @Test
    void layerZeroReturnsTheInputAndALayerPastTheEndNamesTheDepth() {
        UndoableSequential seq = UndoableSequential.of(alexnet);
        INDArray x = Nd4j.zeros(DataType.FLOAT, 1, 3, 224, 224);
        assertSame(x, seq.visualizeActivations(x, 0, 9));
        assertSame(x, seq.visualizeActivations(x, -3, 9));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> seq.visualizeActivations(x, 14, 9));
        assertEquals("no layer 14 in a 13-layer network", e.getMessage());
    }

    /** A layer without an undo rule fails only a visualization that must pass back through it, naming it. */
    @Test
    void aLayerWithoutUndoRuleIsNamedWhenAVisualizationNeedsIt() {
        long[] in = {2, 8, 8};
        Conv2d c = new Conv2d(in, 3, 3, 1, 1, Initializer.PYTORCH, DataType.FLOAT, rng(1));
        Upsample up = new Upsample(c.outputShape(), 2);
        MaxPool2d p = new MaxPool2d(up.outputShape(), 2);
        UndoableSequential seq = new UndoableSequential(List.of(c, up, p));
        INDArray x = randn(DataType.FLOAT, 2, 1, 2, 8, 8);
        assertArrayEquals(x.shape(), seq.visualizeActivations(x, 1, 3).shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> seq.visualizeActivations(x, 3, 3));
        assertTrue(e.getMessage().startsWith("layer 2 (Upsample(scale 2, nearest; 3x8x8 -> 3x16x16)) cannot be undone"),
                e.getMessage());
        assertTrue(seq.describeLayers().get(1).endsWith("(undo: none)"), seq.describeLayers().get(1));
    }

    /** Weights from a torchvision-named .npz load into the layers; missing or mis-shaped arrays are named. */
    @Test
    void weightsLoadFromATorchvisionNamedNpz(@TempDir Path dir) throws Exception {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        List<String> names = AlexNet.parameterNames();
        List<INDArray> values = new ArrayList<>();
        for (int i = 0; i < alexnet.children().size(); i++) {
            for (var p : alexnet.children().get(i).parameters()) {
                values.add(randn(DataType.FLOAT, 100 + values.size(), p.value().shape()));
            }
        }
        for (int i = 0; i < names.size(); i++) {
            arrays.put(names.get(i), values.get(i));
        }
        arrays.put("classifier.1.weight", Nd4j.zeros(DataType.FLOAT, 2, 2));
        Sequential net = AlexNet.features(AlexNet.INPUT, rng(1));
        AlexNet.load(net, arrays);
        assertClose(values.get(2), net.children().get(3).parameters().get(0).value(), 0);
        assertClose(values.get(9), net.children().get(10).parameters().get(1).value(), 0);

        arrays.remove("features.8.bias");
        arrays.put("features.0.weight", Nd4j.zeros(DataType.FLOAT, 64, 3, 5, 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlexNet.load(net, arrays));
        assertEquals("AlexNet weights do not fit: features.0.weight is [64, 3, 5, 5], AlexNet needs "
                + "[64, 3, 11, 11]; missing features.8.bias [256]", e.getMessage());
    }
}
