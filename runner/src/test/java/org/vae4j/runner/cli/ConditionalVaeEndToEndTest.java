package org.vae4j.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.runner.inference.RunModel;
import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyFashionMnist;
import org.vae4j.runner.testing.Vae4j;

/**
 * A conditional VAE through the command line and the Java API: it trains on labelled data,
 * {@code sample --class k} draws one class, a class out of range or a model without classes is a
 * usage error naming the classes, and {@link RunModel} asks for each image's class.
 */
class ConditionalVaeEndToEndTest {
    @TempDir
    static Path root;
    static Path run;
    static CliResult trained;

    @BeforeAll
    static void trainOnce() throws IOException {
        TinyFashionMnist.write(root.resolve("experiment/data"));
        Path spec = Specs.write(root.resolve("experiment/cvae.json"), Specs.tinyConditional("data"));
        run = root.resolve("runs/cvae");
        trained = Vae4j.run("train", spec, "--out", run, "--no-progress");
        assertEquals(0, trained.code(), trained::toString);
    }

    @Test
    void trainsWithTheClassBesideInputAndCode() {
        assertTrue(trained.out().startsWith("tiny-conditional: encoder: Dense(794 -> 32) -> ReLU -> Dense(32 -> 8) "
                + "(input: 784 + one-hot class of 10); decoder: Dense(14 -> 32)"), trained.out());
    }

    @Test
    void sampleDrawsTheClassAsked() throws IOException {
        Path three = root.resolve("class-3.png");
        CliResult r = Vae4j.run("sample", run, "--class", 3, "--n", 8, "--out", three);
        assertEquals(0, r.code(), r::toString);
        assertEquals("wrote 8 samples of class 3 to " + three + "\n", r.out());
        assertTrue(ImageIO.read(three.toFile()).getWidth() > 50);
        Path seven = root.resolve("class-7.png");
        assertEquals(0, Vae4j.run("sample", run, "--class", 7, "--n", 8, "--out", seven).code());
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(three), Files.readAllBytes(seven)),
                "the same codes, another class, another picture");
    }

    @Test
    void aClassOutOfRangeOrAModelWithoutClassesIsAUsageError() throws IOException {
        CliResult r = Vae4j.run("sample", run, "--class", 10, "--out", root.resolve("x.png"));
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals("vae4j sample: --class must be from 0 to 9 (T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, "
                + "Shirt, Sneaker, Bag, Ankle boot), got 10\n", r.err());
        Path plain = root.resolve("runs/plain");
        Path spec = Specs.write(root.resolve("experiment/plain.json"), Specs.tiny("data"));
        assertEquals(0, Vae4j.run("train", spec, "--out", plain, "--no-progress", "--epochs", 1).code());
        CliResult u = Vae4j.run("sample", plain, "--class", 1, "--out", root.resolve("y.png"));
        assertEquals(ExitCode.USAGE, u.code());
        assertEquals("vae4j sample: --class: this model is not conditional (a VAE trained with \"conditional\": true "
                + "draws a class)\n", u.err());
    }

    @Test
    void theJavaApiAsksForEachImagesClass() throws IOException {
        RunModel cvae = RunModel.open(run);
        assertEquals(10, cvae.classes());
        float[][] images = cvae.sample(3, 4, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cvae.encode(images));
        assertEquals("this model is conditional (10 classes): give each image's class", e.getMessage());
        assertEquals(3, cvae.encode(images, new int[] {4, 4, 1}).length);
        double[] own = cvae.negativeElbo(images, new int[] {4, 4, 4}, 2);
        assertEquals(3, own.length);
        assertEquals("class 10 of image 2 is not one of 0..9", assertThrows(IllegalArgumentException.class,
                () -> cvae.reconstruct(images, new int[] {0, 1, 10})).getMessage());
    }
}
