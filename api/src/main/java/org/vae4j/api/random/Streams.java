package org.vae4j.api.random;

/**
 * The named random streams of a run, each a {@code stream} argument of {@link Seeds#derive}: one
 * registry, so no two uses share a stream by accident. The numbers are part of what a seed means:
 * changing one changes every result drawn from it.
 */
public final class Streams {
    /** Noise of the training steps of an epoch (index: the epoch). */
    public static final long TRAINING_NOISE = 1;
    /** Noise of an evaluation (index: the epoch, or {@link #TEST_INDEX} for the final test). */
    public static final long EVALUATION_NOISE = 2;
    /** Initial parameter values (index: the component's path hash, {@link Seeds#hash}). */
    public static final long INITIAL_VALUES = 11;
    /** The order of the training examples (index: the epoch; the run's shuffle seed is its index 0). */
    public static final long SHUFFLE = 21;
    /** Static binarization of the pixels (index: the image). */
    public static final long BINARIZE = 41;
    /** Dynamic binarization (index: the epoch, then the image). */
    public static final long DYNAMIC_BINARIZE = 42;
    /** Prior draws of the sample pictures. */
    public static final long SAMPLE_PICTURES = 31;
    /** Prior draws of the interpolation pictures. */
    public static final long INTERPOLATION_PICTURES = 32;
    /** Noise of the per-example learning curve (index: the epoch). */
    public static final long PER_EXAMPLE_NOISE = 33;
    /** The subset of a scatter plot. */
    public static final long SCATTER_SUBSET = 34;
    /** The base code of a manifold slice through more than two dimensions. */
    public static final long MANIFOLD_BASE = 35;
    /** Prior draws of {@code vae4j score}'s samples. */
    public static final long SCORE_SAMPLES = 36;
    /** The samples of {@code vae4j eval --iw-samples} (index: the batch). */
    public static final long IMPORTANCE_SAMPLES = 37;
    /** The reference classifier of {@code vae4j score}: initial values and shuffling. */
    public static final long REFERENCE_CLASSIFIER = 81;
    /** Random weights of a network to visualize. */
    public static final long VISUALIZED_WEIGHTS = 71;
    /** The evaluation index of the test split, so {@code vae4j eval} repeats summary.json. */
    public static final long TEST_INDEX = 1_000_000;

    private Streams() {
    }
}
