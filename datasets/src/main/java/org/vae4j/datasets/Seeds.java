package org.vae4j.datasets;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from a user's seed and a few coordinates (a purpose, an
 * epoch, an image), so that every draw is a pure function of those and not of the order in which
 * batches or threads ask for it.
 */
final class Seeds {
    /** Purpose tags keep, e.g., the shuffle of epoch 3 unrelated to the binarization of image 3. */
    static final long SHUFFLE = 0x53485546464C45L;
    static final long STATIC_BINARIZE = 0x53424E5A4CL;
    static final long DYNAMIC_BINARIZE = 0x44424E5A4CL;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /**
     * @param seed  the user's seed
     * @param parts further coordinates, in a fixed order
     * @return a generator whose stream depends on all of them
     */
    static SplittableRandom random(long seed, long... parts) {
        return new SplittableRandom(mix(seed, parts));
    }

    /** Hashes the seed and parts with the SplitMix64 finalizer, one round per part. */
    static long mix(long seed, long... parts) {
        long h = mix64(seed + GOLDEN);
        for (long p : parts) {
            h = mix64(h ^ mix64(p + GOLDEN));
        }
        return h;
    }

    /** SplitMix64's finalizer (Stafford's variant 13): a bijection with good avalanche. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
