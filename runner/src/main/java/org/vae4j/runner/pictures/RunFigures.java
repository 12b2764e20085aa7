package org.vae4j.runner.pictures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.command.CommandException;
import org.vae4j.api.data.Batch;
import org.vae4j.api.data.DataInfo;
import org.vae4j.api.model.DensityModel;
import org.vae4j.api.model.LatentEncoder;
import org.vae4j.api.model.MetricInfo;
import org.vae4j.api.model.Model;
import org.vae4j.api.model.Reconstructor;
import org.vae4j.api.model.Sampler;
import org.vae4j.api.random.Seeds;
import org.vae4j.api.random.Streams;
import org.vae4j.engine.random.SeededRandom;
import org.vae4j.runner.assemble.TrainingData;
import org.vae4j.runner.metrics.MetricsCsv;
import org.vae4j.runner.metrics.MetricsTable;
import org.vae4j.runner.metrics.PerExampleLosses;
import org.vae4j.runner.pictures.ImageGrid;
import org.vae4j.engine.math.NormalQuantile;
import org.vae4j.runner.pictures.Pca;
import org.vae4j.runner.pictures.Pictures;
import org.vae4j.runner.pictures.Charts;
import org.vae4j.runner.pictures.LatentScatter;
import org.vae4j.runner.pictures.LearningCurve;
import org.vae4j.runner.spec.ExperimentSpec;

/**
 * Every picture of a run, written into its {@code images/} folder: after each epoch of training
 * and again, from the newest checkpoint, by {@code vae4j plot}. Which pictures a run gets follows
 * from what its model can do (the capability interfaces of {@code org.vae4j.api.model}): a GAN gets
 * samples, interpolations and loss curves but no reconstructions. The random draws (prior samples,
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

    private final ExperimentSpec spec;
    private final Model model;
    private final DataInfo info;
    private final TrainingData data;
    private final long[] shape;
    private final Path runDir;

    /**
     * @param spec   the run's spec
     * @param model  the model (its current parameters are drawn)
     * @param data   the run's data
     * @param runDir the run folder
     */
    public RunFigures(ExperimentSpec spec, Model model, TrainingData data, Path runDir) {
        this(spec, model, data.info(), data, runDir);
    }

    private RunFigures(ExperimentSpec spec, Model model, DataInfo info, TrainingData data, Path runDir) {
        this.spec = spec;
        this.model = model;
        this.info = info;
        this.data = data;
        this.shape = info.shape();
        this.runDir = runDir;
    }

    /**
     * For the pictures that need no data: samples, interpolations, manifolds.
     *
     * @param spec   the run's spec
     * @param model  the model
     * @param info   what the model knows of its data
     * @param runDir the run folder
     * @return the figures
     */
    public static RunFigures withoutData(ExperimentSpec spec, Model model, DataInfo info, Path runDir) {
        return new RunFigures(spec, model, info, null, runDir);
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
     * Everything a run shows after {@code epochsDone} epochs, as far as its model can: samples and
     * interpolations of a {@link Sampler} (both manifolds for a 2-D latent space), reconstructions
     * of a {@link Reconstructor}, the latent scatter plot of a {@link LatentEncoder}, and the
     * learning curves (from metrics.csv and the per-example file as they are).
     *
     * @param epochsDone the epochs the model has been trained for
     * @param svg        also write the plots as SVG (slower: during training only after the last epoch)
     * @return the files written
     * @throws IOException if one cannot be written
     */
    public List<Path> writeAll(int epochsDone, boolean svg) throws IOException {
        List<Path> out = new ArrayList<>();
        Path img = images();
        if (model instanceof Sampler sampler) {
            out.add(writeSamples(img.resolve(String.format(Locale.ROOT, SAMPLES, epochsDone)), SAMPLE_COUNT, 0, false));
            out.add(writeInterpolation(img.resolve(INTERPOLATION), INTERPOLATION_PAIRS, 0));
            if (sampler.latentDim() == 2) {
                out.add(writeManifold(img.resolve(MANIFOLD_GRID), Pictures.linspace(-GRID_RANGE, GRID_RANGE, GRID_SIDE),
                        0, 1, 0));
                out.add(writeManifold(img.resolve(MANIFOLD_QUANTILES), NormalQuantile.evenlySpaced(QUANTILE_SIDE), 0, 1,
                        0));
            }
        }
        if (model instanceof Reconstructor) {
            out.add(writeReconstructions(img.resolve(RECONSTRUCTIONS), RECONSTRUCTION_COUNT));
        }
        if (model instanceof LatentEncoder e && e.latentDim() >= 2) {
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
     * the learning curve's dots; nothing for a model without a {@link DensityModel} bound.
     *
     * @param epoch the epoch just finished, counted from 1
     * @throws IOException if the file cannot be written
     */
    public void recordPerExample(int epoch) throws IOException {
        if (!(model instanceof DensityModel density)) {
            return;
        }
        Batch b = Pictures.firstExamples(data().test(), PER_EXAMPLE_COUNT);
        double[] values;
        try (SeededRandom random = new SeededRandom(Seeds.derive(spec.seed(), Streams.PER_EXAMPLE_NOISE, epoch))) {
            values = density.negativeElbo(b, random.get()).castTo(DataType.DOUBLE).toDoubleVector();
        }
        PerExampleLosses.write(runDir.resolve(PerExampleLosses.FILE), epoch, values);
    }

    /**
     * The learning curves from metrics.csv: one picture per chart of the model's figures
     * ({@code learning-curve.png} for the first, {@code learning-curve-<chart>.png} for others),
     * and the first over the per-example file's dots if it has any.
     *
     * @param svg also as SVG
     * @return the files written
     * @throws IOException if they cannot be read or written
     */
    public List<Path> writeLearningCurves(boolean svg) throws IOException {
        MetricsTable metrics = MetricsCsv.read(runDir.resolve("metrics.csv"));
        SortedMap<Integer, double[]> dots = PerExampleLosses.read(runDir.resolve(PerExampleLosses.FILE));
        Map<String, List<MetricInfo>> charts = new LinkedHashMap<>();
        for (MetricInfo m : model.metrics()) {
            if (!m.chart().isEmpty() && m.kind() != MetricInfo.Kind.SETTING) {
                charts.computeIfAbsent(m.chart(), k -> new ArrayList<>()).add(m);
            }
        }
        Path img = images();
        List<Path> out = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, List<MetricInfo>> chart : charts.entrySet()) {
            List<MetricInfo> figures = chart.getValue();
            List<String> names = figures.stream().map(MetricInfo::name).toList();
            String yTitle = figures.size() == 1 ? figures.get(0).label()
                    : String.join(", ", figures.stream().map(MetricInfo::label).toList());
            String base = first ? LEARNING_CURVE : LEARNING_CURVE + "-" + chart.getKey().replace('_', '-');
            XYChart means = LearningCurve.chart(spec.name() + ": learning curve", yTitle, metrics, names, new TreeMap<>());
            out.add(write(means, img.resolve(base + ".png")));
            if (svg) {
                out.add(write(means, img.resolve(base + ".svg")));
            }
            if (first && !dots.isEmpty()) {
                XYChart points = LearningCurve.chart(spec.name() + ": learning curve and single test images", yTitle,
                        metrics, names, dots);
                out.add(write(points, img.resolve(LEARNING_CURVE_POINTS + ".png")));
                if (svg) {
                    out.add(write(points, img.resolve(LEARNING_CURVE_POINTS + ".svg")));
                }
            }
            first = false;
        }
        return out;
    }

    private Sampler sampler() {
        if (!(model instanceof Sampler s)) {
            throw CommandException.usage("this model cannot draw new examples (it has no prior to sample)");
        }
        return s;
    }

    /**
     * @param file the PNG
     * @param n    how many samples
     * @param seed 0 for the run's own stream (the per-epoch pictures), otherwise a seed of its own
     * @param draw show one draw x ~ p(x|z) per sample rather than its mean
     * @return {@code file}
     * @throws IOException if it cannot be written
     * @throws CommandException (usage) if the model cannot sample
     */
    public Path writeSamples(Path file, int n, long seed, boolean draw) throws IOException {
        return writeSamples(file, n, seed, draw, -1);
    }

    /**
     * Samples of a conditional model for one class, or, with {@code classIndex} -1, a class per
     * row of the grid (0, 1, ... from the top); an unconditional model ignores the class.
     *
     * @param file       the PNG
     * @param n          how many samples
     * @param seed       0 for the run's own stream, otherwise a seed of its own
     * @param draw       show one draw x ~ p(x|z) per sample rather than its mean
     * @param classIndex the class, or -1
     * @return {@code file}
     * @throws IOException if it cannot be written
     * @throws CommandException (usage) if the model cannot sample, or has no such class
     */
    public Path writeSamples(Path file, int n, long seed, boolean draw, int classIndex) throws IOException {
        Sampler sampler = sampler();
        int k = sampler.classes();
        if (classIndex >= 0 && k == 0) {
            throw CommandException.usage("--class: this model is not conditional (a VAE trained with "
                    + "\"conditional\": true draws a class)");
        }
        if (classIndex >= k && k > 0) {
            throw CommandException.usage("--class must be from 0 to " + (k - 1) + " (" + String.join(", ", info.classNames())
                    + "), got " + classIndex);
        }
        int columns = columnsFor(n);
        int[] classes = new int[n];
        for (int i = 0; i < n && k > 0; i++) {
            classes[i] = classIndex >= 0 ? classIndex : (i / columns) % k;
        }
        try (SeededRandom random = new SeededRandom(stream(Streams.SAMPLE_PICTURES, seed))) {
            INDArray codes = sampler.sampleLatent(n, random.get());
            INDArray pics = draw ? sampler.draw(codes, classes, random.get()) : sampler.decode(codes, classes);
            ImageGrid.write(pics, shape, columns, file);
        }
        return file;
    }

    /**
     * @param file the PNG
     * @param n    how many test images (from the first)
     * @return {@code file}
     * @throws IOException if it cannot be written
     * @throws CommandException (usage) if the model cannot reconstruct
     */
    public Path writeReconstructions(Path file, int n) throws IOException {
        if (!(model instanceof Reconstructor r)) {
            throw CommandException.usage("this model does not reconstruct its inputs");
        }
        Batch b = Pictures.firstExamples(data().test(), n);
        int shown = b.size();
        ImageGrid.write(Pictures.reconstructions(r, b, info.targetsToIntensities(b.target())), shape, shown,
                file);
        return file;
    }

    /**
     * @param file  the PNG
     * @param pairs how many rows
     * @param seed  0 for the run's own stream, otherwise a seed of its own
     * @return {@code file}
     * @throws IOException if it cannot be written
     * @throws CommandException (usage) if the model cannot sample
     */
    public Path writeInterpolation(Path file, int pairs, long seed) throws IOException {
        Sampler sampler = sampler();
        try (SeededRandom random = new SeededRandom(stream(Streams.INTERPOLATION_PICTURES, seed))) {
            ImageGrid.write(Pictures.interpolation(sampler, pairs, random.get()), shape, Pictures.ALPHAS.length, file);
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
     * @throws CommandException (usage) if the model cannot sample
     */
    public Path writeManifold(Path file, double[] values, int dimX, int dimY, long seed) throws IOException {
        Sampler sampler = sampler();
        double[] base = new double[sampler.latentDim()];
        if (seed != 0) {
            try (SeededRandom random = new SeededRandom(Seeds.derive(seed, Streams.MANIFOLD_BASE, 0))) {
                base = sampler.sampleLatent(1, random.get()).castTo(DataType.DOUBLE).toDoubleVector();
            }
        }
        ImageGrid.write(Pictures.manifold(sampler, values, base, dimX, dimY), shape, values.length, file);
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
     * @return the scatter plot of the test set's codes (posterior means)
     * @throws CommandException (usage) if the model has no encoder or its latent space fewer than 2 dimensions
     */
    public XYChart scatterChart(int n, long seed) {
        if (!(model instanceof LatentEncoder encoder)) {
            throw CommandException.usage("this model has no encoder, so no latent codes of test images to plot");
        }
        if (encoder.latentDim() < 2) {
            throw CommandException.usage("a scatter plot needs a latent space of 2 or more dimensions; "
                    + "this model's latentDim is " + encoder.latentDim());
        }
        double[][] means = Pictures.codes(encoder, data().test(), Integer.MAX_VALUE);
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
        String what = encoder.deterministic() ? "codes" : "posterior means";
        String title = String.format(Locale.ROOT, "%s: %s of %d test images", spec.name(), what, means.length);
        int classes = 0;
        for (int label : labels) {
            classes = Math.max(classes, label + 1);
        }
        List<String> names = new java.util.ArrayList<>(info.classNames());
        for (int k = names.size(); k < classes; k++) {
            names.add("class " + k);
        }
        if (encoder.latentDim() == 2) {
            return LatentScatter.chart(title, "z1", "z2", means, labels, names);
        }
        Pca pca = Pca.fit(means);
        return LatentScatter.chart(title + " (first two principal components of " + encoder.latentDim() + " dimensions)",
                String.format(Locale.ROOT, "PC1 (%.0f%% of the variance)", 100 * pca.explainedShare(0)),
                String.format(Locale.ROOT, "PC2 (%.0f%% of the variance)", 100 * pca.explainedShare(1)),
                pca.project(means, 2), labels, names);
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
        java.util.SplittableRandom r = new java.util.SplittableRandom(Seeds.derive(seed, Streams.SCATTER_SUBSET, 0));
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
