package org.vae4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PixelTransformsTest {
    /** One image holding every value 0..255 once. */
    static ImageSet allValues() {
        byte[] px = new byte[256];
        for (int x = 0; x < 256; x++) {
            px[x] = (byte) x;
        }
        return ImageSet.of(px, new int[] {0}, 1, 16, 16, "ramp");
    }

    /** {@code images} copies of one image whose every pixel is {@code value}. */
    static ImageSet constant(int images, int dims, int value) {
        byte[] px = new byte[images * dims];
        java.util.Arrays.fill(px, (byte) value);
        return ImageSet.of(px, new int[images], 1, 1, dims, "constant " + value);
    }

    private static float at(PixelTransform t, int x) {
        return t.apply(allValues(), 0, 0)[x];
    }

    @Test
    void quantize4BitsByHand() {
        PixelTransform q = PixelTransforms.quantize(4);
        assertEquals("quantize", q.name());
        assertFalse(q.dependsOnEpoch());
        // floor(16x/255), at most 15
        assertEquals(0f, at(q, 0));
        assertEquals(0f, at(q, 15));   // 240/255 = 0.94
        assertEquals(1f, at(q, 16));   // 256/255 = 1.004
        assertEquals(7f, at(q, 127));  // 2032/255 = 7.97
        assertEquals(8f, at(q, 128));  // 2048/255 = 8.03
        assertEquals(14f, at(q, 239)); // 3824/255 = 14.996
        assertEquals(15f, at(q, 240)); // 3840/255 = 15.06
        assertEquals(15f, at(q, 254));
        assertEquals(15f, at(q, 255)); // 16 -> clamped to 15
    }

    @Test
    void quantizeMatchesExactIntegerArithmeticForEveryValueAndBits() {
        for (int bits = 1; bits <= 8; bits++) {
            float[] out = PixelTransforms.quantize(bits).apply(allValues(), 0, 0);
            int levels = 1 << bits;
            for (int x = 0; x < 256; x++) {
                assertEquals(Math.min(x * levels / 255, levels - 1), out[x], "bits " + bits + ", x " + x);
            }
        }
        float[] eight = PixelTransforms.quantize(8).apply(allValues(), 0, 0);
        for (int x = 0; x < 256; x++) {
            assertEquals(x, eight[x]);
        }
    }

    @Test
    void quantizeRejectsBadBits() {
        assertThrows(IllegalArgumentException.class, () -> PixelTransforms.quantize(0));
        assertThrows(IllegalArgumentException.class, () -> PixelTransforms.quantize(9));
    }

    @Test
    void quantizedSymmetricByHand() {
        PixelTransform t = PixelTransforms.quantizedSymmetric(4);
        assertEquals(-1f, at(t, 0));
        assertEquals(1f, at(t, 255));
        assertEquals(8f / 15f * 2f - 1f, at(t, 128));
        assertEquals(0.06666672f, at(t, 128));
        assertEquals(14f / 15f * 2f - 1f, at(t, 239));
        assertEquals("quantized-symmetric(bits=4)", t.toString());
    }

    @Test
    void scaleAndSymmetricByHand() {
        PixelTransform s = PixelTransforms.scale();
        assertEquals(0f, at(s, 0));
        assertEquals(1f, at(s, 255));
        assertEquals(0.5019608f, at(s, 128));
        PixelTransform m = PixelTransforms.symmetric();
        assertEquals(-1f, at(m, 0));
        assertEquals(1f, at(m, 255));
        assertEquals(0.003921628f, at(m, 128)); // PyTorch: (128/255f)*2-1 in float32
        assertEquals(127f, at(PixelTransforms.levels(), 127));
    }

    @Test
    void writesAtTheGivenOffset() {
        float[] dst = new float[301];
        PixelTransforms.scale().apply(allValues(), 0, dst, 44, 0);
        assertEquals(0f, dst[43]);
        assertEquals(1f, dst[44 + 255]);
        assertEquals(0f, dst[44 + 256]);
    }

    @Test
    void binarizeExtremesAreCertain() {
        for (PixelTransform b : new PixelTransform[] {PixelTransforms.binarize(3435),
                PixelTransforms.dynamicBinarize(3435)}) {
            for (float v : b.apply(constant(1, 999, 0), 0, 5)) {
                assertEquals(0f, v);
            }
            for (float v : b.apply(constant(1, 999, 255), 0, 5)) {
                assertEquals(1f, v);
            }
        }
    }

    @Test
    void binarizeFrequenciesFollowIntensity() {
        PixelTransform b = PixelTransforms.binarize(3435);
        for (int x : new int[] {1, 51, 128, 200, 254}) {
            ImageSet set = constant(40, 1000, x);
            double ones = 0;
            for (int n = 0; n < set.size(); n++) {
                for (float v : b.apply(set, n, 0)) {
                    ones += v;
                }
            }
            double p = x / 255.0;
            double freq = ones / 40_000;
            double sd = Math.sqrt(p * (1 - p) / 40_000);
            assertEquals(p, freq, 5 * sd + 1e-9, "value " + x);
        }
    }

    @Test
    void binarizeIsReproducibleAndPerImage() {
        ImageSet set = constant(3, 500, 128);
        float[] a = PixelTransforms.binarize(3435).apply(set, 1, 0);
        assertArrayEquals(a, PixelTransforms.binarize(3435).apply(set, 1, 0));
        assertArrayEquals(a, PixelTransforms.binarize(3435).apply(set, 1, 99), "static: epoch ignored");
        assertFalse(java.util.Arrays.equals(a, PixelTransforms.binarize(3435).apply(set, 2, 0)));
        assertFalse(java.util.Arrays.equals(a, PixelTransforms.binarize(3436).apply(set, 1, 0)));
        // keyed by the source index: the same image through a slice draws the same bits
        assertArrayEquals(a, PixelTransforms.binarize(3435).apply(set.slice(1, 3), 0, 0));
    }

    @Test
    void dynamicBinarizeRedrawsEachEpoch() {
        ImageSet set = constant(2, 500, 128);
        PixelTransform d = PixelTransforms.dynamicBinarize(7);
        assertTrue(d.dependsOnEpoch());
        assertFalse(PixelTransforms.binarize(7).dependsOnEpoch());
        float[] e0 = d.apply(set, 0, 0);
        assertArrayEquals(e0, PixelTransforms.dynamicBinarize(7).apply(set, 0, 0));
        assertFalse(java.util.Arrays.equals(e0, d.apply(set, 0, 1)));
        assertFalse(java.util.Arrays.equals(e0, d.apply(set, 1, 0)));
    }

    @Test
    void forNameKnowsEveryName() {
        for (String name : PixelTransforms.NAMES) {
            assertEquals(name, PixelTransforms.forName(name, 4, 1).name());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> PixelTransforms.forName("4bit", 4, 1));
        assertTrue(e.getMessage().contains("unknown pixel transform '4bit', expected one of scale,"));
    }
}
