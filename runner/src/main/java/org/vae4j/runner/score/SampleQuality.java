package org.vae4j.runner.score;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vae4j.api.data.Batch;
import org.vae4j.api.model.Sampler;
import org.vae4j.api.random.Seeds;
import org.vae4j.api.random.Streams;
import org.vae4j.datasets.ImageBatches;
import org.vae4j.datasets.ImageSet;
import org.vae4j.datasets.PixelTransforms;
import org.vae4j.engine.random.SeededRandom;

/**
 * Scores samples against the test images in the features of the data set's reference classifier.
 */
public final class SampleQuality {
    /** Images per forward pass. */
    private static final int CHUNK = 500;

    private SampleQuality() {
    }

    /**
     * The figures of one score.
     *
     * @param n                        the samples scored
     * @param fd                       the Fréchet distance between their features and the test images'
     * @param classifierTestAccuracy   the reference classifier's accuracy on the test images
     * @param classEntropyBits         the entropy of the classes it assigns to the samples, in bits
     *                                 (log2 of the class count when they are spread evenly; low
     *                                 values show mode collapse)
     * @param classCounts              how many samples it assigns to each class
     * @param classifierFolder         the classifier's cache folder
     * @param classifierTrainedNow     whether the classifier was trained by this call
     */
    public record Score(long n, double fd, double classifierTestAccuracy, double classEntropyBits, long[] classCounts,
                        Path classifierFolder, boolean classifierTrainedNow) {
    }

    /** Where the images to score come from. */
    @FunctionalInterface
    public interface Images {
        /**
         * @param from  the first image's index
         * @param count how many
         * @return {@code [count, D]} pixel intensities in [0, 1]
         */
        INDArray get(long from, int count);
    }

    /**
     * @param sampler the model
     * @param seed    the seed of the draws
     * @param draw    one draw x ~ p(x|z) per sample rather than its mean
     * @return the model's samples as images to score; the same seed gives the same samples
     */
    public static Images samplesOf(Sampler sampler, long seed, boolean draw) {
        SeededRandom random = new SeededRandom(Seeds.derive(seed, Streams.SCORE_SAMPLES, 0));
        return (from, count) -> {
            INDArray codes = sampler.sampleLatent(count, random.get());
            return draw ? sampler.draw(codes, random.get()) : sampler.decode(codes);
        };
    }

    /**
     * @param set images
     * @return them as images to score (intensities), from the first
     */
    public static Images imagesOf(ImageSet set) {
        return (from, count) -> {
            ImageSet part = set.slice((int) from, (int) from + count);
            ImageBatches b = new ImageBatches(part, PixelTransforms.scale(), PixelTransforms.scale(), count, false, 0);
            Batch batch = b.epoch(0).next();
            return batch.input().dup();
        };
    }

    /**
     * @param images     what to score
     * @param n          how many of them
     * @param dataset    the data set's name
     * @param trainFiles the SHA-256 of each training file, by file name (the classifier's cache key)
     * @param train      the training images with labels (read only if the classifier is trained)
     * @param test       the test images with labels
     * @param cacheRoot  the classifier cache
     * @param log        where to say what happens (training the classifier takes minutes)
     * @return the score
     */
    public static Score score(Images images, long n, String dataset, Map<String, String> trainFiles,
                              Supplier<ImageSet> train, ImageSet test, Path cacheRoot,
                              PrintStream log) {
        if (n < 2) {
            throw new IllegalArgumentException("--n must be at least 2, got " + n);
        }
        int classes = 0;
        for (int label : test.labels()) {
            classes = Math.max(classes, label + 1);
        }
        ReferenceClassifiers.Obtained obtained = ReferenceClassifiers.obtain(dataset, trainFiles, train, test.shape(),
                classes, cacheRoot, log);
        ReferenceClassifier c = obtained.classifier();
        Images testImages = imagesOf(test);
        INDArray testFeatures = features(c, testImages, test.size(), null);
        long correct = 0;
        INDArray testLogits = c.logits(testFeatures);
        INDArray predicted = testLogits.argMax(1);
        for (int i = 0; i < test.size(); i++) {
            correct += predicted.getInt(i) == test.label(i) ? 1 : 0;
        }
        long[] counts = new long[c.classes()];
        INDArray sampleFeatures = features(c, images, n, counts);
        double fd = FrechetDistance.between(FrechetDistance.Gaussian.of(sampleFeatures),
                FrechetDistance.Gaussian.of(testFeatures));
        return new Score(n, fd, (double) correct / test.size(), entropyBits(counts), counts, obtained.folder(),
                obtained.trained());
    }

    /** The features of n images, counting the classes they are assigned to if {@code counts} is given. */
    private static INDArray features(ReferenceClassifier c, Images images, long n, long[] counts) {
        INDArray all = Nd4j.create(DataType.FLOAT, n, ReferenceClassifier.FEATURES);
        for (long from = 0; from < n; from += CHUNK) {
            int count = (int) Math.min(CHUNK, n - from);
            INDArray f = c.features(images.get(from, count));
            all.get(NDArrayIndex.interval(from, from + count), NDArrayIndex.all()).assign(f);
            if (counts != null) {
                INDArray classes = c.logits(f).argMax(1);
                for (int i = 0; i < count; i++) {
                    counts[classes.getInt(i)]++;
                }
            }
        }
        return all;
    }

    /**
     * @param counts how many samples fell in each class
     * @return the entropy of the class frequencies, in bits
     */
    static double entropyBits(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / total;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }
}
