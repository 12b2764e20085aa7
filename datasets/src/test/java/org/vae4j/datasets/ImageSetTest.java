package org.vae4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImageSetTest {
    /** 4 images of 2x1x2: pixel i of image n is 10n + i; label is 100 + n. */
    static ImageSet small() {
        byte[] px = new byte[16];
        for (int n = 0; n < 4; n++) {
            for (int i = 0; i < 4; i++) {
                px[n * 4 + i] = (byte) (10 * n + i);
            }
        }
        return ImageSet.of(px, new int[] {100, 101, 102, 103}, 2, 1, 2, "small");
    }

    @Test
    void shapeAndAccess() {
        ImageSet s = small();
        assertEquals(4, s.size());
        assertEquals(2, s.channels());
        assertEquals(1, s.height());
        assertEquals(2, s.width());
        assertEquals(4, s.dimensions());
        assertArrayEquals(new long[] {2, 1, 2}, s.shape());
        assertEquals(32, s.pixel(3, 2));
        assertEquals(102, s.label(2));
        assertArrayEquals(new byte[] {20, 21, 22, 23}, s.pixels(2));
    }

    @Test
    void ofCopiesItsInput() {
        byte[] px = {(byte) 200, 1};
        int[] labels = {5};
        ImageSet s = ImageSet.of(px, labels, 1, 1, 2, "x");
        px[0] = 0;
        labels[0] = 0;
        assertEquals(200, s.pixel(0, 0));
        assertEquals(5, s.label(0));
        s.labels()[0] = 9;
        assertEquals(5, s.label(0));
    }

    @Test
    void ofChecksSizes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ImageSet.of(new byte[5], new int[2], 1, 1, 2, "x"));
        assertTrue(e.getMessage().contains("pixels has 5 bytes, expected 4 (2 images of 1x1x2)"));
    }

    @Test
    void sliceIsAViewWithSourceIndices() {
        ImageSet s = small().slice(1, 3);
        assertEquals(2, s.size());
        assertEquals(10, s.pixel(0, 0));
        assertArrayEquals(new int[] {101, 102}, s.labels());
        assertEquals(1, s.sourceIndex(0));
        assertEquals(2, s.sourceIndex(1));
        ImageSet inner = s.slice(1, 2);
        assertEquals(2, inner.sourceIndex(0));
        assertEquals(23, inner.pixel(0, 3));
        assertEquals("small [1, 3) [1, 2)", inner.description());
        assertThrows(IndexOutOfBoundsException.class, () -> s.label(2));
        assertThrows(IndexOutOfBoundsException.class, () -> s.pixel(0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> small().slice(2, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> small().slice(3, 2));
    }

    @Test
    void headTakesAtMostN() {
        ImageSet s = small();
        assertEquals(2, s.head(2).size());
        assertSame(s, s.head(10));
        assertEquals(0, s.head(0).size());
        assertThrows(IllegalArgumentException.class, () -> s.head(-1));
    }

    @Test
    void describes() {
        assertEquals("other", small().withDescription("other").description());
        assertEquals("small (4 images of 2x1x2)", small().toString());
    }
}
