package org.vae4j.engine.train;

/**
 * Derives independent seeds from the run's seed, so that every random stream of a run (noise of
 * epoch 3, evaluation noise, ...) is a pure function of (seed, purpose, epoch). That is what makes
 * a resumed run repeat an uninterrupted one exactly: no generator state has to be saved.
 */
public final class Seeds {
    private Seeds() {
    }

    /**
     * @param seed    the run's seed
     * @param purpose a small constant naming the stream
     * @param index   e.g. the epoch
     * @return a well-mixed 64-bit seed
     */
    public static long derive(long seed, long purpose, long index) {
        return mix(mix(seed ^ 0x9E3779B97F4A7C15L * (purpose + 1)) + index * 0xBF58476D1CE4E5B9L);
    }

    // MurmurHash3's 64-bit finalizer
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
