package org.vae4j.datasets;

import java.util.Objects;
import java.util.SplittableRandom;
import org.vae4j.api.random.Seeds;
import org.vae4j.api.random.Streams;

/** Makes the mini-batches of an epoch. */
public final class Batches {
    private Batches() {
    }

    /**
     * The batches of one epoch. Every image appears exactly once; the last batch holds the
     * remainder and may be smaller. With {@code shuffle}, the order is a Fisher-Yates shuffle
     * driven by a {@link SplittableRandom} seeded from (seed, epoch) alone, so epoch 7 of a resumed
     * run sees the same order as epoch 7 of an uninterrupted one.
     *
     * @param set       the images
     * @param target    the transform for what the likelihood scores
     * @param input     the transform for what the encoder sees; pass the same object as
     *                  {@code target} to get one array used as both
     * @param batchSize images per batch, at least 1
     * @param shuffle   whether to shuffle; if not, images come in index order
     * @param seed      the shuffle's seed
     * @param epoch     the epoch, 0-based; selects the shuffle and dynamic transforms' draws
     * @return the iterator
     * @throws IllegalArgumentException if {@code batchSize < 1}
     */
    public static BatchIterator of(ImageSet set, PixelTransform target, PixelTransform input,
                                   int batchSize, boolean shuffle, long seed, long epoch) {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(input, "input");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        long values = (long) Math.min(batchSize, set.size()) * set.dimensions();
        if (values > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a batch of " + batchSize + " images of "
                    + set.dimensions() + " values is more than one Java array holds; use smaller batches");
        }
        return new BatchIterator(set, target, input, batchSize, epoch,
                order(set.size(), shuffle, seed, epoch));
    }

    /**
     * The order in which an epoch visits the images.
     *
     * @param size    the number of images
     * @param shuffle whether to shuffle
     * @param seed    the seed
     * @param epoch   the epoch
     * @return a permutation of {@code 0 .. size-1}
     */
    public static int[] order(int size, boolean shuffle, long seed, long epoch) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, Streams.SHUFFLE, epoch));
            for (int i = size - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }
}
