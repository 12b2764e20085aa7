package org.vae4j.datasets;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.vae4j.api.random.Seeds;
import org.vae4j.api.random.Streams;

/**
 * The standard {@link PixelTransform}s. Deterministic ones are 256-entry lookup tables computed
 * with the same float32 operations, in the same order, as the PyTorch reference implementations
 * ({@code ToTensor()} divides by 255 in float32), so their outputs agree bit for bit.
 *
 * <p>The stochastic binarizations are keyed by the seed, the image's
 * {@linkplain ImageSet#sourceIndex(int) source index} and (for the dynamic one) the epoch, so a
 * draw never depends on batch order. For pixels {@code 2j} and {@code 2j+1} of an image, the
 * {@code j}-th {@code nextLong()} of a {@link SplittableRandom} seeded from those is split into its
 * low and high 32 bits {@code u}; a pixel of value {@code x} is 1 if
 * {@code u < ceil(x * 2^32 / 255)}, which happens with probability {@code x/255} to within
 * 2^-32 (exactly 0 for {@code x = 0}, 1 for {@code x = 255}). Two pixels per 64-bit draw, with
 * no rejection loop, make it about 1.5 times as fast as an exact {@code nextInt(255)} per pixel.
 */
public final class PixelTransforms {
    /** Names accepted by {@link #forName(String, int, long)}. */
    public static final List<String> NAMES = List.of("scale", "symmetric", "identity-levels",
            "quantize", "quantized-symmetric", "binarize", "dynamic-binarize");

    private PixelTransforms() {
    }

    /** @return {@code x/255} in [0, 1] (name {@code "scale"}) */
    public static PixelTransform scale() {
        float[] t = new float[256];
        for (int x = 0; x < 256; x++) {
            t[x] = x / 255f;
        }
        return new Lookup("scale", "scale", t);
    }

    /** @return {@code x/255*2-1} in [-1, 1] (name {@code "symmetric"}) */
    public static PixelTransform symmetric() {
        float[] t = new float[256];
        for (int x = 0; x < 256; x++) {
            t[x] = x / 255f * 2f - 1f;
        }
        return new Lookup("symmetric", "symmetric", t);
    }

    /**
     * @return the pixel value itself, 0..255, as a float (name {@code "identity-levels"}): the
     *         target for a 256-way categorical likelihood
     */
    public static PixelTransform levels() {
        float[] t = new float[256];
        for (int x = 0; x < 256; x++) {
            t[x] = x;
        }
        return new Lookup("identity-levels", "identity-levels", t);
    }

    /**
     * The level index of {@code x} among {@code 2^bits} equal-width bins:
     * {@code min(floor(2^bits * x/255), 2^bits - 1)}, computed as {@code floor((x/255f) * 2^bits)}
     * in float32 like the PyTorch reference (for 4 bits: 0 -&gt; 0, 128 -&gt; 8, 239 -&gt; 14,
     * 240 -&gt; 15, 255 -&gt; 15). The target for a {@code 2^bits}-way categorical likelihood.
     *
     * @param bits 1..8
     * @return the transform (name {@code "quantize"})
     */
    public static PixelTransform quantize(int bits) {
        int levels = levelsOf(bits);
        float[] t = new float[256];
        for (int x = 0; x < 256; x++) {
            t[x] = level(x, levels);
        }
        return new Lookup("quantize", "quantize(bits=" + bits + ")", t);
    }

    /**
     * The level {@code q} of {@link #quantize(int)} mapped to [-1, 1] as {@code q/(2^bits-1)*2-1}
     * (float32, in that order): what the seed experiments feed the encoder when the decoder
     * predicts levels.
     *
     * @param bits 1..8
     * @return the transform (name {@code "quantized-symmetric"})
     */
    public static PixelTransform quantizedSymmetric(int bits) {
        int levels = levelsOf(bits);
        float top = levels - 1;
        float[] t = new float[256];
        for (int x = 0; x < 256; x++) {
            t[x] = level(x, levels) / top * 2f - 1f;
        }
        return new Lookup("quantized-symmetric", "quantized-symmetric(bits=" + bits + ")", t);
    }

    /**
     * Static stochastic binarization: each pixel is 1 with probability {@code x/255}, drawn once
     * per image from (seed, image), so every epoch sees the same binary image.
     *
     * @param seed the seed
     * @return the transform (name {@code "binarize"})
     */
    public static PixelTransform binarize(long seed) {
        return new Binarize(seed, false);
    }

    /**
     * Dynamic stochastic binarization: like {@link #binarize(long)} but drawn anew each epoch,
     * from (seed, epoch, image).
     *
     * @param seed the seed
     * @return the transform (name {@code "dynamic-binarize"})
     */
    public static PixelTransform dynamicBinarize(long seed) {
        return new Binarize(seed, true);
    }

    /**
     * Makes a transform from its {@linkplain PixelTransform#name() name}, for experiment specs.
     *
     * @param name one of {@link #NAMES}
     * @param bits for {@code quantize} and {@code quantized-symmetric}; ignored otherwise
     * @param seed for {@code binarize} and {@code dynamic-binarize}; ignored otherwise
     * @return the transform
     * @throws IllegalArgumentException for an unknown name or bits outside 1..8
     */
    public static PixelTransform forName(String name, int bits, long seed) {
        return switch (name) {
            case "scale" -> scale();
            case "symmetric" -> symmetric();
            case "identity-levels" -> levels();
            case "quantize" -> quantize(bits);
            case "quantized-symmetric" -> quantizedSymmetric(bits);
            case "binarize" -> binarize(seed);
            case "dynamic-binarize" -> dynamicBinarize(seed);
            default -> throw new IllegalArgumentException("unknown pixel transform '" + name
                    + "', expected one of " + String.join(", ", NAMES));
        };
    }

    private static int levelsOf(int bits) {
        if (bits < 1 || bits > 8) {
            throw new IllegalArgumentException("bits must be in 1..8 for 8-bit pixels, got " + bits);
        }
        return 1 << bits;
    }

    /** floor((x/255f) * levels) in float32; multiplying by a power of two is exact. */
    private static float level(int x, int levels) {
        return Math.min((float) Math.floor(x / 255f * levels), levels - 1);
    }

    /** A deterministic per-value transform as a table of its 256 outputs. */
    private static final class Lookup implements PixelTransform {
        private final String name;
        private final String description;
        private final float[] table;

        Lookup(String name, String description, float[] table) {
            this.name = name;
            this.description = description;
            this.table = table;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void apply(ImageSet set, int image, float[] dst, int dstOffset, long epoch) {
            byte[] px = set.backingPixels();
            int from = set.pixelOffset(checked(set, image));
            int d = set.dimensions();
            for (int i = 0; i < d; i++) {
                dst[dstOffset + i] = table[px[from + i] & 0xFF];
            }
        }

        @Override
        public boolean dependsOnEpoch() {
            return false;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** Bernoulli(x/255) per pixel from a stream keyed by (seed[, epoch], source image index). */
    private static final class Binarize implements PixelTransform {
        /** ceil(x * 2^32 / 255): a uniform 32-bit u is below it with probability ~x/255. */
        private static final long[] THRESHOLD = new long[256];

        static {
            for (int x = 0; x < 256; x++) {
                THRESHOLD[x] = ((long) x << 32) / 255 + (((long) x << 32) % 255 == 0 ? 0 : 1);
            }
        }

        private final long seed;
        private final boolean dynamic;

        Binarize(long seed, boolean dynamic) {
            this.seed = seed;
            this.dynamic = dynamic;
        }

        @Override
        public String name() {
            return dynamic ? "dynamic-binarize" : "binarize";
        }

        @Override
        public void apply(ImageSet set, int image, float[] dst, int dstOffset, long epoch) {
            long source = set.sourceIndex(image);
            SplittableRandom rng = new SplittableRandom(dynamic
                    ? Seeds.derive(Seeds.derive(seed, Streams.DYNAMIC_BINARIZE, epoch), Streams.DYNAMIC_BINARIZE, source)
                    : Seeds.derive(seed, Streams.BINARIZE, source));
            byte[] px = set.backingPixels();
            int from = set.pixelOffset(image);
            int d = set.dimensions();
            int i = 0;
            for (; i + 1 < d; i += 2) {
                long r = rng.nextLong();
                dst[dstOffset + i] = (r & 0xFFFFFFFFL) < THRESHOLD[px[from + i] & 0xFF] ? 1f : 0f;
                dst[dstOffset + i + 1] = (r >>> 32) < THRESHOLD[px[from + i + 1] & 0xFF] ? 1f : 0f;
            }
            if (i < d) {
                dst[dstOffset + i] = (rng.nextLong() & 0xFFFFFFFFL) < THRESHOLD[px[from + i] & 0xFF] ? 1f : 0f;
            }
        }

        @Override
        public boolean dependsOnEpoch() {
            return dynamic;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s(seed=%d)", name(), seed);
        }
    }

    private static int checked(ImageSet set, int image) {
        if (image < 0 || image >= set.size()) {
            throw new IndexOutOfBoundsException("image " + image + " outside [0, " + set.size()
                    + ") of " + set.description());
        }
        return image;
    }
}
