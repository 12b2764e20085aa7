package org.vae4j.runner.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.engine.model.VariationalAutoencoder;
import org.vae4j.engine.train.Batch;
import org.vae4j.engine.train.SeededRandom;
import org.vae4j.engine.train.Seeds;
import org.vae4j.runner.assemble.TrainingData;
import org.vae4j.runner.images.ImageGrid;
import org.vae4j.runner.pictures.NormalQuantile;
import org.vae4j.runner.pictures.Pca;
import org.vae4j.runner.pictures.Pictures;
import org.vae4j.runner.plots.Charts;
import org.vae4j.runner.plots.ClassNames;
import org.vae4j.runner.plots.LatentScatter;
import org.vae4j.runner.plots.LearningCurve;
import org.vae4j.runner.plots.MetricsTable;
import org.vae4j.runner.plots.PerExampleLosses;
import org.vae4j.runner.spec.ExperimentSpec;

/**
 * Every picture of a run, written into its {@code images/} folder: after each epoch of training
 * and again, from the newest checkpoint, by {@code vae4j plot}. The random draws (prior samples,
 * interpolation end points) come from fixed streams of the run seed, so the pictures of successive
 * epochs show the same latent codes as the model learns.
 */
public final class RunFigures {
    /** Samples after an epoch: {@code samples-epoch-NNN.png}, 8 x 8. */
    public static final String SAMPLES = "samples-epoch-%03d.png";
    /** Test inputs over their reconstructions. */
    public static final String RECONSTRUCTIONS = "reconstructions.png";
    /** Rows of interpolations between prior draws. */
    public static final String INTERPOLATION = "interpolation.png";
    /** Seed 003's 10 x 10 manifold over [-2, 2]^2 (2-D latent spaces only). */
    public static final String MANIFOLD_GRID = "manifold-grid.png";
    /** Seed 000's 20 x 20 manifold at normal quantiles (2-D latent spaces only). */
    public static final String MANIFOLD_QUANTILES = "manifold-quantiles.png";
    /** Posterior means of the test set by class, {@code .png} and {@code .svg}. */
    public static final String LATENT_SCATTER = "latent-scatter";
    /** The learning curve, {@code .png} and {@code .svg}. */
    public static final String LEARNING_CURVE = "learning-curve";
    /** The learning curve over a dot per test image, {@code .png} and {@code .svg}. */
    public static final String LEARNING_CURVE_POINTS = "learning-curve-points";
    /** Sample pictures per epoch. */
    public static final int SAMPLE_COUNT = 64;
    /** Test images in the reconstruction picture. */
    public static final int RECONSTRUCTION_COUNT = 16;
    /** Rows of the interpolation picture. */
    public static final int INTERPOLATION_PAIRS = 8;
    /** Test images whose own negative ELBO the learning curve shows as dots. */
    public static final int PER_EXAMPLE_COUNT = 200;
    /** Tiles per side of seed 003's manifold. */
    public static final int GRID_SIDE = 10;
    /** Half width of seed 003's manifold: [-2, 2]. */
    public static final double GRID_RANGE = 2.0;
    /** Tiles per side of seed 000's manifold. */
    public static final int QUANTILE_SIDE = 20;

    /** Random streams of the run seed (see {@link Seeds}); 31 is the samples' stream since the first release. */
    private static final long SAMPLES_STREAM = 31;
    private static final long INTERPOLATION_STREAM = 32;
    private static final long PER_EXAMPLE_STREAM = 33;
    private static final long SCATTER_STREAM = 34;
    private static final long MANIFOLD_STREAM = 35;

    private final ExperimentSpec spec;
    private final VariationalAutoencoder model;
    private final TrainingData data;
    private final long[] shape;
    private final Path runDir;

    /**
     * @param spec   the run's spec
     * @param model  the model (its current parameters are drawn)
     * @param data   the run's data
     * @param runDir the run folder
     */
    public RunFigures(ExperimentSpec spec, VariationalAutoencoder model, TrainingData data, Path runDir) {
        this(spec, model, data, data.shape(), runDir);
    }

    private RunFigures(ExperimentSpec spec, VariationalAutoencoder model, TrainingData data, long[] shape, Path runDir) {
        this.spec = spec;
        this.model = model;
        this.data = data;
        this.shape = shape.clone();
        this.runDir = runDir;
    }

    /**
     * For the pictures that need no data: samples, interpolations, manifolds.
     *
     * @param spec   the run's spec
     * @param model  the model
     * @param shape  the shape of one example
     * @param runDir the run folder
     * @return the figures
     */
    public static RunFigures withoutData(ExperimentSpec spec, VariationalAutoencoder model, long[] shape, Path runDir) {
        return new RunFigures(spec, model, null, shape, runDir);
    }

    private TrainingData data() {
        if (data == null) {
            throw new IllegalStateException("this picture needs the run's data");
        }
        return data;
    }

    /** @return the run folder's {@code images/}, created if absent */
    public Path images() throws IOException {
        return Files.createDirectories(runDir.resolve("images"));
    }

    /**
     * Everything a run shows after {@code epochsDone} epochs: samples, reconstructions,
     * interpolations, both manifolds for a 2-D latent space, the latent scatter plot and the
     * learning curve (from metrics.csv and the per-example file as they are).
     *
     * @param epochsDone the epochs the model has been trained for
     * @param svg        also write the plots as SVG (slower: during training only after the last epoch)
     * @return the files written
     * @throws IOException if one cannot be written
     */
    public List<Path> writeAll(int epochsDone, boolean svg) throws IOException {
        List<Path> out = new ArrayList<>();
        Path img = images();
        out.add(writeSamples(img.resolve(String.format(Locale.ROOT, SAMPLES, epochsDone)), SAMPLE_COUNT, 0, false));
        out.add(writeReconstructions(img.resolve(RECONSTRUCTIONS), RECONSTRUCTION_COUNT));
        out.add(writeInterpolation(img.resolve(INTERPOLATION), INTERPOLATION_PAIRS, 0));
        if (model.latentDim() == 2) {
            out.add(writeManifold(img.resolve(MANIFOLD_GRID), Pictures.linspace(-GRID_RANGE, GRID_RANGE, GRID_SIDE), 0, 1, 0));
            out.add(writeManifold(img.resolve(MANIFOLD_QUANTILES), NormalQuantile.evenlySpaced(QUANTILE_SIDE), 0, 1, 0));
        }
        if (model.latentDim() >= 2) {
            XYChart scatter = scatterChart(Integer.MAX_VALUE, 0);
            out.add(write(scatter, img.resolve(LATENT_SCATTER + ".png")));
            if (svg) {
                out.add(write(scatter, img.resolve(LATENT_SCATTER + ".svg")));
            }
        }
        out.addAll(writeLearningCurves(svg));
        return out;
    }

    /**
     * Records the negative ELBO of each of the first {@value #PER_EXAMPLE_COUNT} test images, for
     * the learning curve's dots.
     *
     * @param epoch the epoch just finished, counted from 1
     * @throws IOException if the file cannot be written
     */
    public void recordPerExample(int epoch) throws IOException {
        Batch b = Pictures.firstExamples(data().test(), PER_EXAMPLE_COUNT);
        double[] values;
        try (SeededRandom random = new SeededRandom(Seeds.derive(spec.seed(), PER_EXAMPLE_STREAM, epoch))) {
            values = model.negativeElboPerExample(b.input(), b.target(), random.get()).castTo(DataType.DOUBLE)
                    .toDoubleVector();
        }
        PerExampleLosses.write(runDir.resolve(PerExampleLosses.FILE), epoch, values);
    }

    /**
     * The learning curve from metrics.csv, and the same over the per-example file's dots if it
     * has any.
     *
     * @param svg also as SVG
     * @return the files written
     * @throws IOException if they cannot be read or written
     */
    public List<Path> writeLearningCurves(boolean svg) throws IOException {
        MetricsTable metrics = MetricsTable.read(runDir.resolve("metrics.csv"));
        SortedMap<Integer, double[]> dots = PerExampleLosses.read(runDir.resolve(PerExampleLosses.FILE));
        Path img = images();
        List<Path> out = new ArrayList<>();
        XYChart means = LearningCurve.chart(spec.name() + ": learning curve", metrics, new TreeMap<>());
        out.add(write(means, img.resolve(LEARNING_CURVE + ".png")));
        if (svg) {
            out.add(write(means, img.resolve(LEARNING_CURVE + ".svg")));
        }
        if (!dots.isEmpty()) {
            XYChart points = LearningCurve.chart(spec.name() + ": learning curve and single test images", metrics, dots);
            out.add(write(points, img.resolve(LEARNING_CURVE_POINTS + ".png")));
            if (svg) {
                out.add(write(points, img.resolve(LEARNING_CURVE_POINTS + ".svg")));
            }
        }
        return out;
    }

    /**
     * @param file the PNG
     * @param n    how many samples
     * @param seed 0 for the run's own stream (the per-epoch pictures), otherwise a seed of its own
     * @param draw show one draw x ~ p(x|z) per sample rather than its mean
     * @return {@code file}
     * @throws IOException if it cannot be written
     */
    public Path writeSamples(Path file, int n, long seed, boolean draw) throws IOException {
        try (SeededRandom random = new SeededRandom(stream(SAMPLES_STREAM, seed))) {
            INDArray pics;
            if (draw) {
                INDArray codes = model.prior().sample(n, random.get());
                pics = dataToIntensities(model.likelihood().sample(model.decode(codes), random.get()));
            } else {
                pics = model.sampleIntensities(n, random.get());
            }
            ImageGrid.write(pics, shape, columnsFor(n), file);
        }
        return file;
    }

    /**
     * @param file the PNG
     * @param n    how many test images (from the first)
     * @return {@code file}
     * @throws IOException if it cannot be written
     */
    public Path writeReconstructions(Path file, int n) throws IOException {
        Batch b = Pictures.firstExamples(data().test(), n);
        int shown = (int) b.input().size(0);
        ImageGrid.write(Pictures.reconstructions(model, b.input(), dataToIntensities(b.target())), shape, shown, file);
        return file;
    }

    /**
     * @param file  the PNG
     * @param pairs how many rows
     * @param seed  0 for the run's own stream, otherwise a seed of its own
     * @return {@code file}
     * @throws IOException if it cannot be written
     */
    public Path writeInterpolation(Path file, int pairs, long seed) throws IOException {
        try (SeededRandom random = new SeededRandom(stream(INTERPOLATION_STREAM, seed))) {
            ImageGrid.write(Pictures.interpolation(model, pairs, random.get()), shape, Pictures.ALPHAS.length, file);
        }
        return file;
    }

    /**
     * @param file   the PNG
     * @param values the latent values along both axes
     * @param dimX   the latent dimension along the columns, 0-based
     * @param dimY   the latent dimension along the rows, 0-based
     * @param seed   0 to hold the other dimensions at 0, otherwise at a prior draw of this seed
     * @return {@code file}
     * @throws IOException if it cannot be written
     */
    public Path writeManifold(Path file, double[] values, int dimX, int dimY, long seed) throws IOException {
        double[] base = new double[model.latentDim()];
        if (seed != 0) {
            try (SeededRandom random = new SeededRandom(Seeds.derive(seed, MANIFOLD_STREAM, 0))) {
                base = model.prior().sample(1, random.get()).castTo(DataType.DOUBLE).toDoubleVector();
            }
        }
        ImageGrid.write(Pictures.manifold(model, values, base, dimX, dimY), shape, values.length, file);
        return file;
    }

    /**
     * @param file the PNG or SVG (by its extension)
     * @param n    at most this many test images; a random subset of them if the test set is larger
     * @param seed the subset's seed
     * @return {@code file}
     * @throws IOException if it cannot be written
     */
    public Path writeScatter(Path file, int n, long seed) throws IOException {
        return write(scatterChart(n, seed), file);
    }

    /**
     * @param n    at most this many test images
     * @param seed the seed of the subset, if n is below the test set's size
     * @return the scatter plot of the test set's posterior means
     */
    public XYChart scatterChart(int n, long seed) {
        if (model.latentDim() < 2) {
            throw new IllegalArgumentException("a scatter plot needs a latent space of 2 or more dimensions; "
                    + "this model's latentDim is " + model.latentDim());
        }
        double[][] means = Pictures.posteriorMeans(model, data().test(), Integer.MAX_VALUE);
        int[] labels = data().testSet().labels();
        if (n < means.length) {
            int[] pick = subset(means.length, n, seed);
            double[][] m = new double[n][];
            int[] l = new int[n];
            for (int i = 0; i < n; i++) {
                m[i] = means[pick[i]];
                l[i] = labels[pick[i]];
            }
            means = m;
            labels = l;
        }
        String what = model.isVariational() ? "posterior means" : "codes";
        String title = String.format(Locale.ROOT, "%s: %s of %d test images", spec.name(), what, means.length);
        int classes = 0;
        for (int label : labels) {
            classes = Math.max(classes, label + 1);
        }
        List<String> names = ClassNames.of(spec.data().dataset(), classes);
        if (model.latentDim() == 2) {
            return LatentScatter.chart(title, "z1", "z2", means, labels, names);
        }
        Pca pca = Pca.fit(means);
        return LatentScatter.chart(title + " (first two principal components of " + model.latentDim() + " dimensions)",
                String.format(Locale.ROOT, "PC1 (%.0f%% of the variance)", 100 * pca.explainedShare(0)),
                String.format(Locale.ROOT, "PC2 (%.0f%% of the variance)", 100 * pca.explainedShare(1)),
                pca.project(means, 2), labels, names);
    }

    /** Targets in [0, 1] for showing: level indices of a quantized data set scaled back. */
    private INDArray dataToIntensities(INDArray target) {
        if ("quantize".equals(spec.data().transform())) {
            return target.div((1 << spec.data().bits()) - 1);
        }
        return target;
    }

    private long stream(long purpose, long seed) {
        return seed == 0 ? Seeds.derive(spec.seed(), purpose, 0) : Seeds.derive(seed, purpose, 1);
    }

    private static int columnsFor(int n) {
        return (int) Math.ceil(Math.sqrt(n));
    }

    private static Path write(XYChart chart, Path file) throws IOException {
        Charts.write(chart, file);
        return file;
    }

    /** A reproducible random choice of n of 0..total-1, in increasing order. */
    private static int[] subset(int total, int n, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(Seeds.derive(seed, SCATTER_STREAM, 0));
        int[] all = new int[total];
        for (int i = 0; i < total; i++) {
            all[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int j = i + r.nextInt(total - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(all, n);
        java.util.Arrays.sort(out);
        return out;
    }
}
