package org.vae4j.runner.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.command.CommandException;
import org.vae4j.api.random.Seeds;
import org.vae4j.api.random.Streams;
import org.vae4j.datasets.ImageBatches;
import org.vae4j.datasets.ImageSet;
import org.vae4j.datasets.PixelTransforms;
import org.vae4j.engine.io.AtomicFiles;
import org.vae4j.engine.io.Npz;
import org.vae4j.engine.optim.Adam;
import org.vae4j.engine.params.ModelParameters;
import org.vae4j.engine.random.SeededRandom;
import org.vae4j.engine.train.EpochResult;
import org.vae4j.engine.train.Trainer;
import org.vae4j.engine.train.TrainingListener;

/**
 * Where reference classifiers come from: the cache, or training. A classifier is trained once per
 * data set and kept under {@code $VAE4J_CACHE} (default {@code $XDG_CACHE_HOME/vae4j}, else
 * {@code ~/.cache/vae4j}) in {@code reference-classifiers/<dataset>-<key>/}, where the key hashes
 * the classifier's {@link ReferenceClassifier#VERSION} and the SHA-256 of every training file: other
 * data, or another classifier, gets another folder. Training is seeded, so a lost cache gives the
 * same classifier back on the same machine and thread settings. A cache that cannot be written
 * (read-only home) is no error: the classifier is used from memory and the reason printed.
 */
public final class ReferenceClassifiers {
    /** Epochs of training: about 90 % test accuracy on Fashion-MNIST, in under a minute on two cores. */
    static final int EPOCHS = 5;
    static final int BATCH = 128;
    static final long SEED = 20_261_128;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceClassifiers() {
    }

    /**
     * @param env the environment
     * @return the cache's root folder
     */
    public static Path cacheRoot(Map<String, String> env) {
        String own = env.get("VAE4J_CACHE");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("vae4j");
    }

    /**
     * @param dataset    the data set's name
     * @param trainFiles the SHA-256 of each training file, by file name
     * @return the cache key: 16 hex digits
     */
    static String key(String dataset, Map<String, String> trainFiles) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("vae4j reference classifier " + ReferenceClassifier.VERSION + " " + dataset)
                    .getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> e : new TreeMap<>(trainFiles).entrySet()) {
                md.update(("\n" + e.getKey() + " " + e.getValue()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The classifier of a data set: from the cache if it holds one for these training files,
     * else trained (and cached if possible).
     *
     * @param dataset    the data set's name
     * @param trainFiles the SHA-256 of each training file, by file name
     * @param train      the training images with their labels, read only when training
     * @param shape      one image's shape
     * @param classes    the number of classes
     * @param cacheRoot  the cache's root folder
     * @param log        where to say what happens
     * @return the classifier and where it came from
     */
    static Obtained obtain(String dataset, Map<String, String> trainFiles, Supplier<ImageSet> train, long[] shape,
                           int classes, Path cacheRoot, PrintStream log) {
        if (classes < 2) {
            throw new CommandException(CommandException.DATA, dataset + ": the labels name " + classes
                    + " class; a reference classifier needs at least two");
        }
        Path dir = cacheRoot.resolve("reference-classifiers").resolve(dataset + "-" + key(dataset, trainFiles));
        ReferenceClassifier cached = load(dir, shape, classes, log);
        if (cached != null) {
            return new Obtained(cached, dir, false);
        }
        ImageSet images = train.get();
        log.println("vae4j score: training the reference classifier of " + dataset + " on its " + images.size()
                + " training images, once (" + EPOCHS + " epochs; cached in " + dir + ")");
        ReferenceClassifier c;
        double accuracy;
        try (SeededRandom init = new SeededRandom(Seeds.derive(SEED, Streams.REFERENCE_CLASSIFIER, 0))) {
            c = new ReferenceClassifier(shape, classes, init.get());
        }
        ModelParameters params = ModelParameters.of(c, DataType.FLOAT);
        Trainer trainer = new Trainer(c, params, Map.of(ReferenceClassifier.GROUP, new Adam(1e-3, 0.9, 0.999, 1e-8)),
                0, SEED);
        ImageBatches batches = new ImageBatches(images, PixelTransforms.scale(), PixelTransforms.scale(), BATCH, true,
                Seeds.derive(SEED, Streams.REFERENCE_CLASSIFIER, 1));
        accuracy = 0;
        for (int e = 0; e < EPOCHS; e++) {
            EpochResult r = trainer.epoch(e, EPOCHS, batches, null, new TrainingListener() { });
            accuracy = r.train().mean("accuracy");
            log.println(String.format(Locale.ROOT, "  epoch %d/%d: training accuracy %.4f (%.0f s)", e + 1, EPOCHS,
                    accuracy, r.trainSeconds()));
        }
        try {
            save(dir, dataset, trainFiles, params, accuracy);
        } catch (IOException | RuntimeException e) {
            log.println("vae4j score: could not cache the reference classifier in " + dir + " (" + e.getMessage()
                    + "); using it from memory");
        }
        return new Obtained(c, dir, true);
    }

    /**
     * @param classifier the classifier
     * @param folder     its cache folder
     * @param trained    whether it was trained now (not read from the cache)
     */
    record Obtained(ReferenceClassifier classifier, Path folder, boolean trained) {
    }

    private static ReferenceClassifier load(Path dir, long[] shape, int classes, PrintStream log) {
        Path meta = dir.resolve("classifier.json");
        Path weights = dir.resolve("classifier.npz");
        if (!Files.isRegularFile(meta) || !Files.isRegularFile(weights)) {
            return null;
        }
        try {
            JsonNode m = JSON.readTree(meta.toFile());
            if (m.path("version").asInt() != ReferenceClassifier.VERSION || m.path("classes").asInt() != classes) {
                return null;
            }
            ReferenceClassifier c;
            try (SeededRandom init = new SeededRandom(SEED)) {
                c = new ReferenceClassifier(shape, classes, init.get());
            }
            Map<String, INDArray> arrays = Npz.read(weights);
            ModelParameters.of(c, DataType.FLOAT).load(arrays, Map.of());
            return c;
        } catch (IOException | RuntimeException e) {
            log.println("vae4j score: the cached reference classifier in " + dir + " is unreadable (" + e.getMessage()
                    + "); training it again");
            return null;
        }
    }

    private static void save(Path dir, String dataset, Map<String, String> trainFiles, ModelParameters params,
                             double accuracy) throws IOException {
        Files.createDirectories(dir);
        Npz.write(dir.resolve("classifier.npz"), params.parameterValues());
        ObjectNode m = JSON.createObjectNode();
        m.put("version", ReferenceClassifier.VERSION);
        m.put("dataset", dataset);
        m.put("classes", params.parameters().get("head.weight").value().size(1));
        m.put("epochs", EPOCHS);
        m.put("seed", SEED);
        m.put("training_accuracy", accuracy);
        ObjectNode files = m.putObject("training_files_sha256");
        new TreeMap<>(trainFiles).forEach(files::put);
        // the weights first, the description last: a folder with the description is complete
        AtomicFiles.writeString(dir.resolve("classifier.json"), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(m) + "\n");
    }
}
