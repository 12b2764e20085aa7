package org.vae4j.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.engine.io.Npz;
import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyFashionMnist;
import org.vae4j.runner.testing.Vae4j;

/**
 * {@code vae4j visualize} end to end: AlexNet with random or supplied weights on a generated
 * picture, and the encoders of runs trained here (a conv-ae autoencoder and an MLP VAE).
 */
class VisualizeCommandTest {
    private static final int GAP = 2;

    @TempDir
    static Path root;
    static Path scene;
    static Path convRun;
    static Path mlpRun;

    @BeforeAll
    static void prepare() throws IOException {
        // a 300x200 picture: red left half, a white square, a blue stripe
        BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                int rgb = x < 150 ? 0xc03020 : 0x40a040;
                if (x > 120 && x < 180 && y > 70 && y < 130) {
                    rgb = 0xffffff;
                }
                if (y > 170) {
                    rgb = 0x2040c0;
                }
                img.setRGB(x, y, rgb);
            }
        }
        scene = root.resolve("scene.png");
        ImageIO.write(img, "png", scene.toFile());
        TinyFashionMnist.write(root.resolve("data"));
        ObjectNode conv = Specs.tiny("data");
        conv.put("name", "tiny-conv-ae");
        ObjectNode model = (ObjectNode) conv.get("model");
        // 28 -> 14 (stride 2) -> 7 (pooling) -> 4 (stride 2): a 2 x 4 x 4 code
        model.put("latentDim", 2 * 16);
        model.putObject("encoder").put("type", "conv-ae").put("channels", 4).put("kernel", 3).put("stride", 2);
        model.putObject("decoder").put("type", "conv-ae").put("channels", 4).put("kernel", 3).put("stride", 2);
        conv.putObject("objective").put("type", "autoencoder");
        ((ObjectNode) conv.get("training")).put("epochs", 1).put("testEachEpoch", false);
        convRun = root.resolve("runs/conv");
        CliResult c = Vae4j.run("train", Specs.write(root.resolve("conv.json"), conv), "--out", convRun, "--no-progress");
        assertEquals(0, c.code(), c::toString);
        ObjectNode mlp = Specs.tiny("data");
        ((ObjectNode) mlp.get("training")).put("epochs", 1).put("testEachEpoch", false);
        mlpRun = root.resolve("runs/mlp");
        CliResult m = Vae4j.run("train", Specs.write(root.resolve("mlp.json"), mlp), "--out", mlpRun, "--no-progress");
        assertEquals(0, m.code(), m::toString);
    }

    private static BufferedImage read(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img != null, png + " is no picture");
        return img;
    }

    /** The input, layer 1 and layer 4 side by side at 224x224 each, and the layer table on the console. */
    @Test
    void alexnetWritesTheInputAndOnePanelPerLayer() throws IOException {
        Path out = root.resolve("out/alexnet.png");
        CliResult r = Vae4j.run("visualize", "--model", "alexnet", "--image", scene, "--layer", "1,4", "--k", "9",
                "--out", out);
        assertEquals(0, r.code(), r::toString);
        BufferedImage img = read(out);
        assertEquals(3 * (224 + GAP) + GAP, img.getWidth());
        assertEquals(224 + 2 * GAP, img.getHeight());
        assertTrue(r.out().contains("1: Conv2d(3 -> 64, kernel 11, stride 4, padding 2; 3x224x224 -> 64x55x55)"), r.out());
        assertTrue(r.out().contains("13: MaxPool2d(kernel 3, stride 2, padding 0; 256x13x13 -> 256x6x6)"), r.out());
        assertTrue(r.out().endsWith("wrote " + out + " (input | layer 1 | layer 4; k = 9)\n"), r.out());
        // data_to_image: zero in the visualization is ImageNet's mean colour, (0.485, 0.456, 0.406)
        int corner = img.getRGB(GAP + 224 + GAP + 1, GAP + 1);
        assertEquals(Math.round(0.485f * 255), (corner >> 16) & 0xff);
        assertEquals(Math.round(0.406f * 255), corner & 0xff);
        // with --stretch zero is mid-grey
        Path stretched = root.resolve("out/alexnet-stretched.png");
        CliResult s = Vae4j.run("visualize", "--model", "alexnet", "--image", scene, "--layer", "4", "--out", stretched,
                "--stretch");
        assertEquals(0, s.code(), s::toString);
        assertEquals(0x808080, read(stretched).getRGB(GAP + 224 + GAP + 1, GAP + 1) & 0xffffff);
    }

    /** Weights from a torchvision-named .npz change the picture; ill-fitting ones are named. */
    @Test
    void alexnetLoadsWeightsAndNamesOnesThatDoNotFit() throws IOException {
        // torchvision's names and shapes of AlexNet's feature convolutions
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("features.0", new long[] {64, 3, 11, 11});
        shapes.put("features.3", new long[] {192, 64, 5, 5});
        shapes.put("features.6", new long[] {384, 192, 3, 3});
        shapes.put("features.8", new long[] {256, 384, 3, 3});
        shapes.put("features.10", new long[] {256, 256, 3, 3});
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        org.nd4j.linalg.api.rng.Random random = Nd4j.getRandomFactory().getNewRandomInstance(99);
        shapes.forEach((name, shape) -> {
            arrays.put(name + ".weight", random.nextGaussian(shape).muli(0.05).castTo(DataType.FLOAT));
            arrays.put(name + ".bias", random.nextGaussian(new long[] {shape[0]}).muli(0.05).castTo(DataType.FLOAT));
        });
        Path weights = root.resolve("alexnet.npz");
        Npz.write(weights, arrays);
        Path a = root.resolve("out/w.png");
        Path b = root.resolve("out/random.png");
        CliResult r = Vae4j.run("visualize", "--model", "alexnet", "--image", scene, "--layer", "1", "--out", a,
                "--weights", weights, "--stretch");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("model: AlexNet features, weights from " + weights), r.out());
        assertEquals(0, Vae4j.run("visualize", "--model", "alexnet", "--image", scene, "--layer", "1", "--out", b,
                "--stretch").code());
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)), "weights made no difference");

        arrays.put("features.3.weight", Nd4j.zeros(DataType.FLOAT, 1, 1));
        Npz.write(weights, arrays);
        CliResult bad = Vae4j.run("visualize", "--model", "alexnet", "--image", scene, "--out", a, "--weights", weights);
        assertEquals(ExitCode.USAGE, bad.code(), bad::toString);
        assertEquals("vae4j visualize: " + weights + ": AlexNet weights do not fit: features.3.weight is [1, 1], "
                + "AlexNet needs [192, 64, 5, 5]\n", bad.err());
    }

    /** A layer past the end, a missing picture and a bad k are usage errors with a message. */
    @Test
    void badLayersPicturesAndKAreUsageErrors() {
        Path out = root.resolve("out/bad.png");
        CliResult deep = Vae4j.run("visualize", "--model", "alexnet", "--image", scene, "--layer", "14", "--out", out);
        assertEquals(ExitCode.USAGE, deep.code());
        assertEquals("vae4j visualize: no layer 14 in a 13-layer network\n", deep.err());
        CliResult missing = Vae4j.run("visualize", "--model", "alexnet", "--image", root.resolve("nope.png"), "--out", out);
        assertEquals(ExitCode.USAGE, missing.code());
        assertEquals("vae4j visualize: " + root.resolve("nope.png") + ": no such file\n", missing.err());
        CliResult k = Vae4j.run("visualize", "--model", "alexnet", "--image", scene, "--k", "0", "--out", out);
        assertEquals(ExitCode.USAGE, k.code());
        CliResult model = Vae4j.run("visualize", "--model", "vgg", "--image", scene, "--out", out);
        assertEquals("vae4j visualize: --model must be alexnet or a run folder, got 'vgg'\n", model.err());
    }

    /** The conv encoder of a trained conv-ae: layer 1 is its first convolution; panels are scaled up to be seen. */
    @Test
    void theConvEncoderOfATrainedRunIsVisualised() throws IOException {
        Path out = root.resolve("out/conv.png");
        CliResult r = Vae4j.run("visualize", "--model", convRun, "--image", scene, "--layer", "1,4", "--k", "3",
                "--out", out);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("  1: Conv2d(1 -> 4, kernel 3, stride 2, padding 1; 1x28x28 -> 4x14x14)"), r.out());
        assertTrue(r.out().contains("(undo: each value spread evenly over its window"), r.out());
        BufferedImage img = read(out);
        int factor = 4; // 28 -> 112
        assertEquals((3 * (28 + GAP) + GAP) * factor, img.getWidth());
        assertEquals((28 + 2 * GAP) * factor, img.getHeight());
        CliResult deep = Vae4j.run("visualize", "--model", convRun, "--image", scene, "--layer", "6", "--out", out);
        assertEquals("vae4j visualize: no layer 6 in a 5-layer network\n", deep.err());
    }

    /** An MLP encoder takes the picture flattened; its dense layer is undone by the transposed weights. */
    @Test
    void theMlpEncoderOfATrainedRunIsVisualisedToo() throws IOException {
        Path out = root.resolve("out/mlp.png");
        CliResult r = Vae4j.run("visualize", "--model", mlpRun, "--image", scene, "--layer", "1,3", "--k", "4",
                "--out", out);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("1: Dense(784 -> 32) (undo: transposed weights, bias removed)"), r.out());
        assertEquals((3 * (28 + GAP) + GAP) * 4, read(out).getWidth());
        CliResult many = Vae4j.run("visualize", "--model", mlpRun, "--image", scene, "--layer", "3", "--out", out);
        assertEquals("vae4j visualize: k = 9 is not within the 8 activations of layer 3 (Dense(32 -> 8))\n", many.err());
    }
}
