package org.vae4j.runner.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vae4j.api.model.Sampler;
import org.vae4j.engine.random.SeededRandom;
import org.vae4j.runner.assemble.DataAssembler;
import org.vae4j.runner.pictures.ImageGrid;
import org.vae4j.engine.math.NormalQuantile;
import org.vae4j.runner.pictures.Pictures;
import org.vae4j.runner.pictures.LearningCurve;
import org.vae4j.runner.metrics.PerExampleLosses;
import org.vae4j.runner.plugins.ProviderRegistry;
import org.vae4j.runner.pictures.RunFigures;
import org.vae4j.runner.report.RunReport;
import org.vae4j.runner.run.RunDirectory;
import org.vae4j.runner.run.TrainedModel;
import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyFashionMnist;
import org.vae4j.runner.testing.Vae4j;

/**
 * The pictures, plots and report of a run: a tiny VAE with a 2-D latent space trained for two
 * epochs (every picture, the report), and one with a 20-D latent space (the manifold's errors and
 * slices, the PCA scatter plot).
 */
class PicturesEndToEndTest {
    private static final int SIDE = 28;

    @TempDir
    static Path root;
    static Path run2d;
    static Path run20d;
    static CliResult trained;
    static Sampler model;

    @BeforeAll
    static void train() throws IOException {
        TinyFashionMnist.write(root.resolve("data"));
        ObjectNode spec = Specs.tiny("data");
        ((ObjectNode) spec.get("model")).put("latentDim", 2);
        ((ObjectNode) spec.get("training")).put("epochs", 2);
        run2d = root.resolve("runs/two");
        trained = Vae4j.run("train", Specs.write(root.resolve("two.json"), spec), "--out", run2d, "--no-progress");
        assertEquals(0, trained.code(), trained::toString);
        ((ObjectNode) spec.get("model")).put("latentDim", 20);
        ((ObjectNode) spec.get("training")).put("epochs", 1);
        run20d = root.resolve("runs/twenty");
        CliResult r = Vae4j.run("train", Specs.write(root.resolve("twenty.json"), spec), "--out", run20d, "--no-progress");
        assertEquals(0, r.code(), r::toString);
        model = (Sampler) TrainedModel.load(run2d, ProviderRegistry.discover(List.of())).model();
    }

    @Test
    void trainingWritesEveryPictureAndTheReport() throws IOException {
        for (String f : List.of("samples-epoch-001.png", "samples-epoch-002.png", "reconstructions.png",
                "interpolation.png", "manifold-grid.png", "manifold-quantiles.png", "latent-scatter.png",
                "latent-scatter.svg", "learning-curve.png", "learning-curve.svg", "learning-curve-points.png",
                "learning-curve-points.svg")) {
            assertTrue(Files.size(run2d.resolve("images").resolve(f)) > 1000, f);
        }
        assertTrue(Files.isRegularFile(run2d.resolve(RunReport.FILE)));
        assertEquals("", trained.err());
        assertEquals(4, trained.out().lines().count(), "pictures print nothing: " + trained.out());
        // the 20-D run has no manifolds, but a scatter plot of principal components
        assertFalse(Files.exists(run20d.resolve("images/manifold-grid.png")));
        assertTrue(Files.exists(run20d.resolve("images/latent-scatter.png")));
    }

    @Test
    void samplesAreAnEnlargedGridOf64() throws IOException {
        BufferedImage img = read(run2d.resolve("images/samples-epoch-002.png"));
        assertEquals(3 * grid(8), img.getWidth());
        assertEquals(3 * grid(8), img.getHeight());
    }

    /** The top row shows the test images themselves: their pixels, block by block. */
    @Test
    void reconstructionsShowTheTestImagesOverTheirReconstructions() throws IOException {
        BufferedImage img = read(run2d.resolve("images/reconstructions.png"));
        assertEquals(2 * grid(16), img.getWidth());
        assertEquals(2 * grid(2), img.getHeight());
        byte[] idx = TinyFashionMnist.gunzip(root.resolve("data/t10k-images-idx3-ubyte.gz"));
        for (int tile = 0; tile < 16; tile += 5) {
            for (int p = 0; p < SIDE * SIDE; p += 37) {
                int expected = idx[16 + tile * SIDE * SIDE + p] & 0xFF;
                assertEquals(expected, grey(img, 2, 0, tile, p % SIDE, p / SIDE), "tile " + tile + " pixel " + p);
            }
        }
    }

    @Test
    void interpolationRowsRunFromDecodedZ2ToDecodedZ1() {
        INDArray z1 = Nd4j.create(new double[][] {{1.5, -0.5}, {0.0, 2.0}});
        INDArray z2 = Nd4j.create(new double[][] {{-1.0, 1.0}, {0.3, -2.0}});
        INDArray codes = Pictures.interpolationCodes(z1, z2, Pictures.ALPHAS);
        assertEquals(12, codes.size(0));
        assertArrayEquals(new double[] {-1.0, 1.0}, codes.getRow(0).toDoubleVector(), 0, "a = 0 is z2");
        assertArrayEquals(new double[] {1.5, -0.5}, codes.getRow(5).toDoubleVector(), 0, "a = 1 is z1");
        assertArrayEquals(new double[] {0.4 * 1.5 + 0.6 * -1.0, 0.4 * -0.5 + 0.6 * 1.0}, codes.getRow(2).toDoubleVector(),
                1e-12, "a = 0.4");
        assertArrayEquals(new double[] {0.0, 2.0}, codes.getRow(11).toDoubleVector(), 0);
        // with the model: the ends of each row are the pictures of the two prior draws
        INDArray pics;
        INDArray z;
        try (SeededRandom a = new SeededRandom(77); SeededRandom b = new SeededRandom(77)) {
            pics = Pictures.interpolation(model, 3, a.get());
            z = model.sampleLatent(6, b.get());
        }
        assertArrayEquals(new long[] {18, SIDE * SIDE}, pics.shape());
        for (int p = 0; p < 3; p++) {
            INDArray end1 = model.decode(z.get(NDArrayIndex.point(p), NDArrayIndex.all()).reshape(1, 2));
            INDArray end2 = model.decode(z.get(NDArrayIndex.point(3 + p), NDArrayIndex.all()).reshape(1, 2));
            assertArrayEquals(end1.toFloatVector(), pics.getRow(p * 6 + 5).toFloatVector(), 1e-6f, "a = 1, pair " + p);
            assertArrayEquals(end2.toFloatVector(), pics.getRow(p * 6).toFloatVector(), 1e-6f, "a = 0, pair " + p);
        }
    }

    @Test
    void interpolateCommandWritesARowPerPair() throws IOException {
        Path png = root.resolve("out/interp.png");
        CliResult r = Vae4j.run("interpolate", run2d, "--n", 3, "--seed", 5, "--out", png);
        assertEquals(0, r.code(), r::toString);
        assertEquals("wrote 3 interpolations to " + png + "\n", r.out());
        BufferedImage img = read(png);
        assertEquals(3 * grid(6), img.getWidth(), "6 weights a per row");
        assertEquals(3 * grid(3), img.getHeight(), "3 pairs");
    }

    /** Seed 003's 10 x 10 grid over [-2, 2]^2: each tile is the decoded code of its place. */
    @Test
    void manifoldGridTilesAreTheDecodedCodesOfTheirPlaces() throws IOException {
        BufferedImage img = read(run2d.resolve("images/manifold-grid.png"));
        assertEquals(3 * grid(10), img.getWidth(), "10 tiles across, enlarged x3");
        assertEquals(3 * grid(10), img.getHeight());
        double[] v = Pictures.linspace(-2, 2, 10);
        assertEquals(-2.0, v[0]);
        assertEquals(2.0, v[9]);
        int[][] places = {{0, 0}, {0, 9}, {9, 0}, {9, 9}, {4, 6}};
        for (int[] rc : places) {
            // row r from the top holds z2 = v[9 - r]; column c holds z1 = v[c]
            INDArray code = Nd4j.create(new double[][] {{v[rc[1]], v[9 - rc[0]]}});
            float[] tile = model.decode(code).toFloatVector();
            for (int p = 0; p < SIDE * SIDE; p += 29) {
                int expected = Math.round(Math.max(0, Math.min(1, tile[p])) * 255);
                assertEquals(expected, grey(img, 3, rc[0], rc[1], p % SIDE, p / SIDE), 1,
                        "tile " + rc[0] + "," + rc[1] + " pixel " + p);
            }
        }
        INDArray codes = Pictures.manifoldCodes(v, 2, 0, 1);
        assertArrayEquals(new double[] {-2, 2}, codes.getRow(0).toDoubleVector(), 1e-12, "top left: z1 = -2, z2 = 2");
        assertArrayEquals(new double[] {2, -2}, codes.getRow(99).toDoubleVector(), 1e-12, "bottom right");
    }

    /** Seed 000's 20 x 20 grid at the normal quantiles Phi^-1((i + 0.5) / 20). */
    @Test
    void manifoldQuantilesHas400TilesAtNormalQuantiles() throws IOException {
        BufferedImage img = read(run2d.resolve("images/manifold-quantiles.png"));
        assertEquals(2 * grid(20), img.getWidth(), "20 tiles across, enlarged x2");
        assertEquals(2 * grid(20), img.getHeight());
        double[] q = NormalQuantile.evenlySpaced(20);
        INDArray code = Nd4j.create(new double[][] {{q[3], q[19 - 7]}});
        float[] tile = model.decode(code).toFloatVector();
        for (int p = 0; p < SIDE * SIDE; p += 31) {
            assertEquals(Math.round(Math.max(0, Math.min(1, tile[p])) * 255), grey(img, 2, 7, 3, p % SIDE, p / SIDE), 1);
        }
    }

    @Test
    void manifoldCommandWritesEitherGrid() throws IOException {
        CliResult r = Vae4j.run("manifold", run2d);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("wrote a 10 x 10 manifold (z1 across, z2 up, from -2.0 to 2.0) to "), r.out());
        Path png = root.resolve("out/q.png");
        r = Vae4j.run("manifold", run2d, "--grid", "quantile", "--n", 5, "--out", png);
        assertEquals(0, r.code(), r::toString);
        assertEquals("wrote a 5 x 5 manifold (z1 across, z2 up, normal quantiles) to " + png + "\n", r.out());
        assertEquals(3 * grid(5), read(png).getWidth());
    }

    /** Seed 003's manifold is for 2-D latent spaces; elsewhere it is an error or a named slice. */
    @Test
    void manifoldOfA20DimensionalLatentSpaceNeedsDims() throws IOException {
        CliResult r = Vae4j.run("manifold", run20d);
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertEquals("vae4j manifold: a manifold needs a 2-D latent space, and this model's latentDim is 20; give "
                + "--dims i,j (1..20) to show the slice through z_i and z_j with the other dimensions held at 0\n", r.err());
        Path png = root.resolve("out/slice.png");
        r = Vae4j.run("manifold", run20d, "--dims", "3,7", "--out", png);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("wrote a 10 x 10 manifold (z3 across, z7 up, "), r.out());
        assertEquals(3 * grid(10), read(png).getWidth());
        assertEquals(0, Vae4j.run("manifold", run20d, "--dims", "3,7", "--seed", 4, "--out", root.resolve("out/s4.png"))
                .code());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(png), Files.readAllBytes(root.resolve("out/s4.png"))),
                "--seed holds the other dimensions at a prior draw, not 0");
        Map<List<Object>, String> errors = Map.of(
                List.of("--dims", "3,21"), "--dims 3,21: dimension 21 does not exist; latentDim is 20",
                List.of("--dims", "3,3"), "--dims needs two different dimensions, got '3,3'",
                List.of("--dims", "0,1"), "--dims counts latent dimensions from 1 (z1, z2, ...), got '0,1'",
                List.of("--dims", "x"), "--dims takes two latent dimensions as i,j (e.g. 1,2), got 'x'",
                List.of("--grid", "log"), "--grid must be linear or quantile, got 'log'",
                List.of("--n", "1"), "--n (tiles per side) must be from 2 to 100, got 1");
        for (Map.Entry<List<Object>, String> e : errors.entrySet()) {
            List<Object> args = new ArrayList<>(List.of("manifold", run20d));
            args.addAll(e.getKey());
            CliResult bad = Vae4j.run(args.toArray());
            assertEquals(ExitCode.USAGE, bad.code(), bad::toString);
            assertEquals("vae4j manifold: " + e.getValue() + "\n", bad.err());
        }
    }

    @Test
    void scatterShowsEachClassUnderItsName() throws IOException {
        RunFigures figures = figures(run2d);
        XYChart chart = figures.scatterChart(Integer.MAX_VALUE, 0);
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                "Ankle boot"), new ArrayList<>(chart.getSeriesMap().keySet()));
        int points = chart.getSeriesMap().values().stream().mapToInt(s -> s.getXData().length).sum();
        assertEquals(TinyFashionMnist.TEST, points, "every test image");
        assertEquals("z1", chart.getXAxisTitle());
        assertEquals("z2", chart.getYAxisTitle());
        BufferedImage img = read(run2d.resolve("images/latent-scatter.png"));
        assertEquals(900, img.getWidth());
        assertEquals(720, img.getHeight());
        // 20 dimensions: the first two principal components
        XYChart pca = figures(run20d).scatterChart(Integer.MAX_VALUE, 0);
        assertTrue(pca.getXAxisTitle().matches("PC1 \\(\\d+% of the variance\\)"), pca.getXAxisTitle());
        assertTrue(pca.getTitle().endsWith("(first two principal components of 20 dimensions)"), pca.getTitle());
    }

    @Test
    void scatterCommandWritesPngOrSvgOfASubset() throws IOException {
        Path svg = root.resolve("out/scatter.svg");
        CliResult r = Vae4j.run("scatter", run2d, "--n", 40, "--out", svg);
        assertEquals(0, r.code(), r::toString);
        assertEquals("wrote the latent means of 40 test images to " + svg + "\n", r.out());
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg"), text.substring(0, 200));
        long marks = Pattern.compile("<ellipse").matcher(text).results().count();
        assertTrue(marks >= 40 && marks <= 50, "one mark per image and one per legend entry: " + marks);
        CliResult pca = Vae4j.run("scatter", run20d, "--out", root.resolve("out/s20.png"));
        assertEquals("wrote the latent means of 100 test images (first two principal components of 20 dimensions) to "
                + root.resolve("out/s20.png") + "\n", pca.out());
    }

    @Test
    void learningCurveHasLabelledAxesALegendAndTheDots() throws IOException {
        Map<Integer, double[]> dots = PerExampleLosses.read(run2d.resolve(PerExampleLosses.FILE));
        assertEquals(List.of(1, 2), new ArrayList<>(dots.keySet()));
        assertEquals(TinyFashionMnist.TEST, dots.get(1).length, "the first 200 test images, or all 100");
        for (double v : dots.get(2)) {
            assertTrue(v > 0 && v < 784 * Math.log(2) * 2, "a negative ELBO in nats: " + v);
        }
        XYChart chart = LearningCurve.chart("t", "negative ELBO (nats per image, beta = 1)",
                org.vae4j.runner.metrics.MetricsCsv.read(run2d.resolve("metrics.csv")), List.of("neg_elbo"),
                PerExampleLosses.read(run2d.resolve(PerExampleLosses.FILE)));
        assertEquals("epoch", chart.getXAxisTitle());
        assertEquals("negative ELBO (nats per image, beta = 1)", chart.getYAxisTitle());
        assertEquals(List.of(LearningCurve.POINTS_SERIES + " (100)", "train (mean over the epoch)", "validation", "test"),
                new ArrayList<>(chart.getSeriesMap().keySet()), "dots first, so they are drawn behind the means");
        assertEquals(200, chart.getSeriesMap().get(LearningCurve.POINTS_SERIES + " (100)").getXData().length);
        assertArrayEquals(new double[] {1, 2}, chart.getSeriesMap().get("test").getXData());
        BufferedImage img = read(run2d.resolve("images/learning-curve.png"));
        assertEquals(900, img.getWidth());
        assertEquals(560, img.getHeight());
    }

    @Test
    void plotRegeneratesEveryFigureFromTheCheckpoint() throws IOException {
        Path copy = root.resolve("runs/copy");
        copyTree(run2d, copy);
        byte[] samples = Files.readAllBytes(copy.resolve("images/samples-epoch-002.png"));
        try (var files = Files.list(copy.resolve("images"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(copy.resolve(RunReport.FILE));
        CliResult r = Vae4j.run("plot", copy);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("wrote 12 files for " + copy + " after epoch 2:\n"), r.out());
        for (String f : List.of("samples-epoch-002.png", "reconstructions.png", "interpolation.png", "manifold-grid.png",
                "manifold-quantiles.png", "latent-scatter.png", "latent-scatter.svg", "learning-curve.png",
                "learning-curve.svg", "learning-curve-points.png", "learning-curve-points.svg")) {
            assertTrue(r.out().contains("  " + copy.resolve("images").resolve(f) + "\n"), f + ": " + r.out());
            assertTrue(Files.isRegularFile(copy.resolve("images").resolve(f)), f);
        }
        assertTrue(Files.isRegularFile(copy.resolve(RunReport.FILE)));
        assertArrayEquals(samples, Files.readAllBytes(copy.resolve("images/samples-epoch-002.png")),
                "the same draws as during training");
        CliResult sample = Vae4j.run("sample", copy, "--out", root.resolve("out/s.png"));
        assertArrayEquals(samples, Files.readAllBytes(root.resolve("out/s.png")), "sample's default seed is the run's");
        assertEquals(0, Vae4j.run("sample", copy, "--draw", "--out", root.resolve("out/d.png")).code(), sample::toString);
        assertFalse(java.util.Arrays.equals(samples, Files.readAllBytes(root.resolve("out/d.png"))), "--draw: x ~ p(x|z)");
    }

    @Test
    void reportShowsSpecMetricsAndEveryPictureByRelativeLinks() throws IOException {
        String html = Files.readString(run2d.resolve(RunReport.FILE));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<title>tiny - vae4j run</title>"), html);
        assertFalse(html.contains("http-equiv=\"refresh\""), "a finished run does not reload");
        assertTrue(html.contains("2 epochs trained. Test negative ELBO "), html);
        assertTrue(html.contains("&quot;latentDim&quot; : 2"), "the spec");
        assertTrue(html.contains("<th>train neg elbo</th>"), "the metrics table");
        assertEquals(2, Pattern.compile("<tr><td>").matcher(html).results().count(), "a row per epoch: " + html);
        List<String> sources = new ArrayList<>();
        Matcher m = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            sources.add(m.group(1));
        }
        for (String f : List.of("learning-curve.png", "learning-curve-points.png", "samples-epoch-002.png",
                "reconstructions.png", "interpolation.png", "manifold-grid.png", "manifold-quantiles.png",
                "latent-scatter.png", "samples-epoch-001.png")) {
            assertTrue(sources.contains("images/" + f), f + " in " + sources);
        }
        for (String s : sources) {
            assertTrue(Files.isRegularFile(run2d.resolve(s)), s);
        }
        assertFalse(Pattern.compile("(src|href)=\"(https?:|//|/)").matcher(html).find(), "nothing from outside");
        assertTrue(html.contains("<a href=\"images/latent-scatter.svg\">SVG</a>"), html);
        String training = RunReport.html(run2d, RunReport.State.TRAINING);
        assertTrue(training.contains("<meta http-equiv=\"refresh\" content=\"30\">"), training);
        assertTrue(training.contains("Training: epoch 2 of 2 done."), training);
    }

    /** After each epoch the report shows the epochs so far (a resumed run goes on from them). */
    @Test
    void reportIsRewrittenAfterEachEpoch() throws IOException {
        Path dir = root.resolve("runs/stepwise");
        ObjectNode spec = Specs.tiny(root.resolve("data").toString());
        ((ObjectNode) spec.get("model")).put("latentDim", 2);
        Path file = Specs.write(root.resolve("stepwise.json"), spec);
        assertEquals(0, Vae4j.run("train", file, "--out", dir, "--epochs", 1, "--no-progress").code());
        assertEquals(1, Pattern.compile("<tr><td>").matcher(Files.readString(dir.resolve(RunReport.FILE))).results().count());
        assertEquals(0, Vae4j.run("train", "--resume", "--out", dir, "--epochs", 2, "--no-progress").code());
        String html = Files.readString(dir.resolve(RunReport.FILE));
        assertEquals(2, Pattern.compile("<tr><td>").matcher(html).results().count());
        assertTrue(html.contains("images/samples-epoch-002.png"), html);
        assertEquals(List.of(1, 2), new ArrayList<>(PerExampleLosses.read(dir.resolve(PerExampleLosses.FILE)).keySet()));
    }

    private static RunFigures figures(Path run) throws IOException {
        RunDirectory dir = RunDirectory.open(run);
        TrainedModel tm = TrainedModel.load(dir, ProviderRegistry.discover(List.of()));
        return new RunFigures(tm.spec(), tm.model(), DataAssembler.load(tm.spec(), run, System.getenv(), "spec"), run);
    }

    /** The grey value of pixel (x, y) of the tile in (row, column) of a grid enlarged by scale. */
    private static int grey(BufferedImage img, int scale, int row, int column, int x, int y) {
        int px = scale * (ImageGrid.GAP + column * (SIDE + ImageGrid.GAP) + x);
        int py = scale * (ImageGrid.GAP + row * (SIDE + ImageGrid.GAP) + y);
        int rgb = img.getRGB(px + scale / 2, py + scale / 2);
        assertEquals(rgb, img.getRGB(px, py), "a block of one value");
        return rgb & 0xFF;
    }

    private static BufferedImage read(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png.toString());
        return img;
    }

    private static int grid(int tiles) {
        return tiles * (SIDE + ImageGrid.GAP) + ImageGrid.GAP;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
