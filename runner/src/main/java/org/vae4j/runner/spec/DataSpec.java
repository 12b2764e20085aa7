package org.vae4j.runner.spec;

import java.util.List;

/**
 * {@code "data"}: which data set, how its pixels become model inputs and targets, and batching.
 *
 * @param dataset        the data set name: fashion-mnist, mnist, kmnist, cifar-10, image-folder, npy, npz
 * @param path           a folder holding the data set's files, tried first; null to search
 * @param transform      what the likelihood scores: scale ([0,1]), quantize (k-bit levels),
 *                       binarize (Bernoulli draw with a fixed seed), dynamic-binarize (drawn anew
 *                       every epoch)
 * @param bits           k for quantize
 * @param binarizeSeed   the seed of the binarization draws (seed 003 uses 3435)
 * @param input          what the encoder sees: same (as the target) or symmetric ([-1, 1])
 * @param validation     how many training images form the validation split (0: none)
 * @param validationSplit which: last (the last N, the seeds' convention) or random (N chosen with
 *                       {@code splitSeed}, for data stored class by class)
 * @param limit          use only the first N training (and test) images; 0 for all
 * @param batchSize      training batch size
 * @param evalBatchSize  batch size for validation and test passes
 * @param download       whether a missing data set may be downloaded
 * @param testFraction   for data without a test split (a user's own), the share of the training
 *                       images held out as the test split; 0 for none
 * @param splitSeed      the seed that chooses those images
 * @param imageShape     for an image folder, the [C, H, W] every image is read at; null to take
 *                       the first image's
 * @param resize         whether images of another size than {@code imageShape} are scaled to it
 * @param reader         the plugin reader of a data set vae4j does not know ({@code data.reader}, typed as
 *                       the data set); null for the built-in ones
 */
public record DataSpec(String dataset, String path, String transform, int bits, long binarizeSeed, String input,
                       int validation, String validationSplit, int limit, int batchSize, int evalBatchSize,
                       boolean download, double testFraction, long splitSeed, long[] imageShape, boolean resize,
                       ComponentSpec reader) {
    /** Values of {@code transform}. */
    public static final List<String> TRANSFORMS = List.of("scale", "quantize", "binarize", "dynamic-binarize");
    /** Values of {@code validationSplit}. */
    public static final List<String> VALIDATION_SPLITS = List.of("last", "random");
    /** Values of {@code input}. */
    public static final List<String> INPUTS = List.of("same", "symmetric");
}
