package org.vae4j.examples;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.vae4j.runner.inference.RunModel;

/**
 * Scores image files against a trained VAE: the higher an image's negative ELBO, the less it
 * looks like what the model was trained on.
 * <pre>
 * java -cp "runner/target/vae4j-runner.jar:examples/java-api/target/classes" \
 *     org.vae4j.examples.AnomalyScores runs/fashion-mnist-mlp-vae shoe.png noise.png
 * </pre>
 * prints one line per file, most unusual first: the score in nats and the file.
 */
public final class AnomalyScores {
    private AnomalyScores() {
    }

    /**
     * @param args the run folder, then image files (PNG, JPEG, BMP, GIF) of the model's size
     * @throws IOException if the run or an image cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: AnomalyScores RUN_DIR IMAGE...");
            System.exit(2);
        }
        RunModel vae = RunModel.open(Path.of(args[0]));
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        print(score(vae, files), System.out);
    }

    /**
     * @param vae   the model
     * @param files images of the model's size
     * @return one score per file, most unusual first
     * @throws IOException if an image cannot be read or has the wrong size
     */
    public static List<Scored> score(RunModel vae, List<Path> files) throws IOException {
        long[] shape = vae.imageShape();
        float[][] images = new float[files.size()][];
        for (int i = 0; i < images.length; i++) {
            images[i] = read(files.get(i), (int) shape[0], (int) shape[1], (int) shape[2]);
        }
        double[] nats = vae.negativeElbo(images, 1);
        List<Scored> out = new ArrayList<>();
        for (int i = 0; i < nats.length; i++) {
            out.add(new Scored(files.get(i), nats[i]));
        }
        out.sort((a, b) -> Double.compare(b.nats(), a.nats()));
        return out;
    }

    /**
     * @param scores what {@link #score} gave
     * @param out    where to print
     */
    public static void print(List<Scored> scores, PrintStream out) {
        for (Scored s : scores) {
            out.println(String.format(Locale.ROOT, "%10.2f  %s", s.nats(), s.file()));
        }
    }

    /**
     * @return the image as C*H*W intensities in [0, 1], channels first (grey images for one
     *         channel, RGB for three)
     */
    static float[] read(Path file, int channels, int height, int width) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException(file + ": not an image ImageIO can read");
        }
        if (img.getHeight() != height || img.getWidth() != width) {
            throw new IOException(file + ": " + img.getWidth() + "x" + img.getHeight() + " pixels; the model takes "
                    + width + "x" + height);
        }
        float[] x = new float[channels * height * width];
        Raster r = img.getRaster();
        for (int y = 0; y < height; y++) {
            for (int col = 0; col < width; col++) {
                int rgb = img.getRGB(col, y);
                for (int c = 0; c < channels; c++) {
                    int v = channels == 1 && r.getNumBands() == 1 ? r.getSample(col, y, 0)
                            : channels == 1 ? grey(rgb) : (rgb >> (16 - 8 * c)) & 0xff;
                    x[(c * height + y) * width + col] = v / 255f;
                }
            }
        }
        return x;
    }

    private static int grey(int rgb) {
        return Math.round(0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff));
    }

    /**
     * @param file the image file
     * @param nats its negative ELBO
     */
    public record Scored(Path file, double nats) {
    }
}
