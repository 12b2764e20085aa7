package org.vae4j.api.random;

/**
 * Derives independent seeds from a run's seed, so that every random stream of a run (the noise of
 * epoch 3, the evaluation noise, the initial weights of the encoder) is a pure function of (seed,
 * stream, index). That is what makes a resumed run repeat an uninterrupted one exactly: no
 * generator state has to be saved. Streams are named in {@link Streams}.
 */
public final class Seeds {
    private Seeds() {
    }

    /**
     * @param seed   the run's seed
     * @param stream which stream ({@link Streams})
     * @param index  e.g. the epoch
     * @return a well-mixed 64-bit seed
     */
    public static long derive(long seed, long stream, long index) {
        return mix(mix(seed ^ 0x9E3779B97F4A7C15L * (stream + 1)) + index * 0xBF58476D1CE4E5B9L);
    }

    /**
     * @param text e.g. a component's JSON path
     * @return a 64-bit hash of it, stable across runs and machines (not {@code String.hashCode})
     */
    public static long hash(String text) {
        long h = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return mix(h);
    }

    // MurmurHash3's 64-bit finalizer
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
