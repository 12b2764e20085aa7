package org.vae4j.runner.inference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.data.Batch;
import org.vae4j.api.model.DensityModel;
import org.vae4j.api.model.ImportanceWeighted;
import org.vae4j.api.model.LatentEncoder;
import org.vae4j.api.model.Model;
import org.vae4j.api.model.Reconstructor;
import org.vae4j.api.model.Sampler;
import org.vae4j.datasets.ImageBatches;
import org.vae4j.datasets.ImageSet;
import org.vae4j.engine.random.SeededRandom;
import org.vae4j.runner.assemble.DataAssembler;
import org.vae4j.runner.plugins.ProviderRegistry;
import org.vae4j.runner.plugins.ProvidersUsed;
import org.vae4j.runner.run.RunDirectory;
import org.vae4j.runner.run.TrainedModel;

/**
 * A trained model, opened from the folder {@code vae4j train} wrote, for use from Java:
 * <pre>{@code
 * RunModel vae = RunModel.open(Path.of("runs/fashion-mnist-mlp-vae"));
 * float[][] images = ...;                         // one row per image: C*H*W intensities in [0, 1]
 * double[] scores = vae.negativeElbo(images, 1);  // nats per image: high means unusual
 * float[][] codes = vae.encode(images);           // posterior means
 * float[][] drawn = vae.sample(16, 7);            // decoded prior draws, intensities in [0, 1]
 * }</pre>
 * The model is restored exactly as the command line restores it ({@code vae4j eval}, {@code sample}
 * and the rest use the same loading path), plugin jars the run recorded included. Images go
 * through the run's own pixel transform (its {@code data.transform} and {@code data.input}), so a
 * model trained on quantized or binarized pixels sees new images the same way. Images are given
 * as intensities in [0, 1] (as torchvision's {@code ToTensor} gives them), rounded to the 256
 * levels of the 8-bit data the model was trained on.
 *
 * <p>What a model can do depends on its family: a VAE does everything here, a GAN samples and
 * decodes only; the others throw {@link UnsupportedOperationException} saying so. Not thread-safe:
 * one instance per thread.
 */
public final class RunModel {
    private final TrainedModel trained;
    private final long[] shape;
    private final int dimensions;

    private RunModel(TrainedModel trained) {
        this.trained = trained;
        this.shape = trained.data().shape().clone();
        long d = 1;
        for (long s : shape) {
            d *= s;
        }
        this.dimensions = Math.toIntExact(d);
    }

    /**
     * Opens a run's newest checkpoint, with the providers on the class path and the plugin jars
     * the run recorded.
     *
     * @param runDir the run folder
     * @return the model
     * @throws IOException if the run's files cannot be read
     * @throws org.vae4j.runner.run.RunDirectoryException if the folder is no run or has no checkpoint
     * @throws org.vae4j.runner.plugins.MissingPluginsException if a plugin the run used cannot be found
     */
    public static RunModel open(Path runDir) throws IOException {
        return open(runDir, "latest", List.of());
    }

    /**
     * @param runDir     the run folder
     * @param checkpoint {@code latest}, {@code best} (early stopping's) or {@code epoch-N}
     * @param plugins    folders of plugin jars (or jars) to register besides the class path, as
     *                   the command line's {@code --plugins}
     * @return the model
     * @throws IOException if the run's files cannot be read
     * @throws org.vae4j.runner.run.RunDirectoryException if the folder is no run or lacks the checkpoint
     * @throws org.vae4j.runner.plugins.MissingPluginsException if a plugin the run used cannot be found
     */
    public static RunModel open(Path runDir, String checkpoint, List<Path> plugins) throws IOException {
        RunDirectory run = RunDirectory.open(runDir);
        ProviderRegistry registry = ProvidersUsed.reopen(runDir, extra -> {
            List<Path> places = new ArrayList<>(plugins);
            places.addAll(extra);
            return ProviderRegistry.discover(places);
        });
        return new RunModel(TrainedModel.load(run, registry, checkpoint));
    }

    /** @return the model behind this, for what the methods here do not cover */
    public Model model() {
        return trained.model();
    }

    /** @return what the model is, e.g. {@code VAE(mlp [400] / mlp [400], z = 20, bernoulli)} */
    public String describe() {
        return trained.model().describe();
    }

    /** @return the epochs the checkpoint completed */
    public int epochs() {
        return trained.epochsDone();
    }

    /** @return one image's shape, {@code [C, H, W]} */
    public long[] imageShape() {
        return shape.clone();
    }

    /** @return C * H * W, the length of one image's row */
    public int dimensions() {
        return dimensions;
    }

    /** @return the size of a latent code; 0 for a model without one */
    public int latentDim() {
        Model m = trained.model();
        return m instanceof Sampler s ? s.latentDim() : m instanceof LatentEncoder e ? e.latentDim() : 0;
    }

    /**
     * @param n    how many
     * @param seed the seed of the prior draws (the same seed gives the same images)
     * @return {@code n} decoded draws from the prior (for a VAE the mean of p(x|z)), intensities in [0, 1]
     */
    public float[][] sample(int n, long seed) {
        Sampler s = capability(Sampler.class, "sample");
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        try (SeededRandom r = new SeededRandom(seed)) {
            return rows(s.decode(s.sampleLatent(n, r.get())));
        }
    }

    /**
     * @return K for a conditional model (one trained with {@code "conditional": true}), whose
     *         methods take each image's class 0..K-1; 0 for an unconditional one
     */
    public int classes() {
        return trained.model() instanceof Sampler s ? s.classes() : 0;
    }

    /**
     * Draws of one class from a conditional model.
     *
     * @param n          how many
     * @param classIndex the class, 0..{@link #classes()}-1
     * @param seed       the seed of the prior draws
     * @return {@code n} decoded draws, intensities in [0, 1]
     */
    public float[][] sample(int n, int classIndex, long seed) {
        Sampler s = capability(Sampler.class, "sample");
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        int[] classes = new int[n];
        java.util.Arrays.fill(classes, classIndex);
        requireClasses(classes, n);
        try (SeededRandom r = new SeededRandom(seed)) {
            return rows(s.decode(s.sampleLatent(n, r.get()), classes));
        }
    }

    /**
     * @param codes latent codes, one row of {@link #latentDim()} values each
     * @return the images they decode to, intensities in [0, 1]
     */
    public float[][] decode(float[][] codes) {
        Sampler s = capability(Sampler.class, "decode");
        return rows(s.decode(matrix(codes, s.latentDim(), "codes")));
    }

    /**
     * @param images one row of {@link #dimensions()} intensities in [0, 1] per image
     * @return each image's code: a VAE's posterior mean, an autoencoder's code
     */
    public float[][] encode(float[][] images) {
        return encode(images, null);
    }

    /**
     * @param images  one row of {@link #dimensions()} intensities in [0, 1] per image
     * @param classes each image's class, for a conditional model; null for an unconditional one
     * @return each image's code
     */
    public float[][] encode(float[][] images, int[] classes) {
        LatentEncoder e = capability(LatentEncoder.class, "encode");
        return perBatch(images, classes, 0, (b, r) -> e.encode(b.input(), b.labels()));
    }

    /**
     * @param images one row of {@link #dimensions()} intensities in [0, 1] per image
     * @return their reconstructions, intensities in [0, 1]
     */
    public float[][] reconstruct(float[][] images) {
        return reconstruct(images, null);
    }

    /**
     * @param images  one row of {@link #dimensions()} intensities in [0, 1] per image
     * @param classes each image's class, for a conditional model; null for an unconditional one
     * @return their reconstructions, intensities in [0, 1]
     */
    public float[][] reconstruct(float[][] images, int[] classes) {
        Reconstructor rec = capability(Reconstructor.class, "reconstruct");
        return perBatch(images, classes, 0, (b, r) -> rec.reconstruct(b.input(), b.labels()));
    }

    /**
     * A per-image anomaly score: the negative ELBO at beta = 1, in nats (one posterior sample
     * per image, as {@code vae4j eval} reports it; higher means less like the training data).
     *
     * @param images one row of {@link #dimensions()} intensities in [0, 1] per image
     * @param seed   the seed of the posterior samples
     * @return one value per image
     */
    public double[] negativeElbo(float[][] images, long seed) {
        return negativeElbo(images, null, seed);
    }

    /**
     * @param images  one row of {@link #dimensions()} intensities in [0, 1] per image
     * @param classes each image's class, for a conditional model; null for an unconditional one
     * @param seed    the seed of the posterior samples
     * @return one negative ELBO per image, in nats
     */
    public double[] negativeElbo(float[][] images, int[] classes, long seed) {
        DensityModel d = capability(DensityModel.class, "score images (negative ELBO)");
        return column(images, classes, seed, (b, r) -> d.negativeElbo(b, r));
    }

    /**
     * The importance-weighted estimate of {@code -log p(x)} (Burda et al. 2016), in nats: a
     * tighter score than {@link #negativeElbo}, at K times its cost.
     *
     * @param images  one row of {@link #dimensions()} intensities in [0, 1] per image
     * @param samples K, posterior samples per image (e.g. 1000 for a figure to report, 50 to rank)
     * @param seed    the seed of the samples
     * @return one value per image
     */
    public double[] importanceWeightedNll(float[][] images, int samples, long seed) {
        return importanceWeightedNll(images, null, samples, seed);
    }

    /**
     * @param images  one row of {@link #dimensions()} intensities in [0, 1] per image
     * @param classes each image's class, for a conditional model; null for an unconditional one
     * @param samples K, posterior samples per image
     * @param seed    the seed of the samples
     * @return one estimate per image, in nats
     */
    public double[] importanceWeightedNll(float[][] images, int[] classes, int samples, long seed) {
        ImportanceWeighted iw = capability(ImportanceWeighted.class, "score images (importance-weighted NLL)");
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        return column(images, classes, seed, (b, r) -> iw.importanceWeightedNll(b, samples, r));
    }

    /**
     * @return the classes to run with: the given ones, checked; zeros for an unconditional model
     * @throws IllegalArgumentException if a conditional model gets none, or they do not fit
     */
    private int[] requireClasses(int[] classes, int n) {
        int k = classes();
        if (k == 0) {
            return new int[n];
        }
        if (classes == null) {
            throw new IllegalArgumentException("this model is conditional (" + k + " classes): give each image's class");
        }
        if (classes.length != n) {
            throw new IllegalArgumentException(classes.length + " classes for " + n + " images");
        }
        for (int i = 0; i < n; i++) {
            if (classes[i] < 0 || classes[i] >= k) {
                throw new IllegalArgumentException("class " + classes[i] + " of image " + i + " is not one of 0.."
                        + (k - 1));
            }
        }
        return classes;
    }

    private <T> T capability(Class<T> kind, String what) {
        Model m = trained.model();
        if (!kind.isInstance(m)) {
            throw new UnsupportedOperationException(m.describe() + " cannot " + what);
        }
        return kind.cast(m);
    }

    private interface BatchFunction extends BiFunction<Batch, Random, INDArray> {
    }

    private double[] column(float[][] images, int[] classes, long seed, BatchFunction f) {
        float[][] out = perBatch(images, classes, seed, f);
        double[] v = new double[out.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = out[i][0];
        }
        return v;
    }

    /** Runs the images (with their classes) through the run's transforms in evaluation batches, in order. */
    private float[][] perBatch(float[][] images, int[] classes, long seed, BatchFunction f) {
        int[] labels = requireClasses(classes, images.length);
        ImageSet set = ImageSet.of(pixels(images), labels, (int) shape[0], (int) shape[1],
                (int) shape[2], images.length + " images given to RunModel");
        ImageBatches batches = DataAssembler.evaluationBatches(trained.spec(), set);
        List<float[]> out = new ArrayList<>(images.length);
        try (SeededRandom r = new SeededRandom(seed)) {
            Iterator<Batch> it = batches.epoch(0);
            while (it.hasNext()) {
                INDArray a = f.apply(it.next(), r.get());
                INDArray m = a.rank() == 1 ? a.reshape(a.length(), 1) : a;
                out.addAll(List.of(rows(m)));
            }
        }
        return out.toArray(new float[0][]);
    }

    private byte[] pixels(float[][] images) {
        if (images.length == 0) {
            throw new IllegalArgumentException("no images given");
        }
        byte[] px = new byte[Math.multiplyExact(images.length, dimensions)];
        for (int i = 0; i < images.length; i++) {
            float[] row = images[i];
            if (row == null || row.length != dimensions) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "image %d has %s values; this model "
                        + "takes %d (%s)", i, row == null ? "no" : Integer.toString(row.length), dimensions,
                        shapeText()));
            }
            for (int j = 0; j < dimensions; j++) {
                float x = row[j];
                if (!(x >= 0 && x <= 1)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "image %d, value %d is %s; "
                            + "intensities must be in [0, 1]", i, j, x));
                }
                px[i * dimensions + j] = (byte) Math.round(x * 255);
            }
        }
        return px;
    }

    private String shapeText() {
        return shape[0] + "x" + shape[1] + "x" + shape[2];
    }

    private static INDArray matrix(float[][] rows, int width, String what) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no " + what + " given");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != width) {
                throw new IllegalArgumentException(what + " row " + i + " must have " + width + " values");
            }
        }
        return Nd4j.createFromArray(rows).castTo(DataType.FLOAT);
    }

    private static float[][] rows(INDArray a) {
        INDArray m = a.dataType() == DataType.FLOAT ? a : a.castTo(DataType.FLOAT);
        return m.reshape(m.size(0), m.length() / m.size(0)).toFloatMatrix();
    }
}
