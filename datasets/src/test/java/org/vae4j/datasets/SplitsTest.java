package org.vae4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SplitsTest {
    @Test
    void lastImagesAreValidation() {
        TrainValidation tv = Splits.lastAsValidation(ImageSetTest.small(), 1);
        assertArrayEquals(new int[] {100, 101, 102}, tv.train().labels());
        assertArrayEquals(new int[] {103}, tv.validation().labels());
        assertEquals(3, tv.validation().sourceIndex(0));
    }

    @Test
    void zeroHoldsOutNothing() {
        TrainValidation tv = Splits.lastAsValidation(ImageSetTest.small(), 0);
        assertEquals(4, tv.train().size());
        assertEquals(0, tv.validation().size());
    }

    @Test
    void rejectsSizesThatLeaveNoTraining() {
        for (int n : new int[] {-1, 4, 5}) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> Splits.lastAsValidation(ImageSetTest.small(), n));
            assertTrue(e.getMessage().startsWith("cannot hold out " + n + " validation images from small,"
                    + " which has 4 images: need 0 <= n < 4"), e.getMessage());
        }
    }

    @Test
    void aRandomFractionIsSeededDisjointAndKeepsTheOrder() {
        byte[] px = new byte[100];
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            px[i] = (byte) i;
            labels[i] = i;
        }
        ImageSet set = ImageSet.of(px, labels, 1, 1, 1, "hundred");
        TrainValidation a = Splits.randomFraction(set, 0.25, 11);
        assertEquals(75, a.train().size());
        assertEquals(25, a.validation().size());
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (ImageSet s : java.util.List.of(a.train(), a.validation())) {
            for (int i = 0; i < s.size(); i++) {
                assertTrue(seen.add(s.label(i)), "image " + s.label(i) + " in both parts");
                assertEquals(s.label(i), s.pixel(i, 0), "pixels travel with their label");
                if (i > 0) {
                    assertTrue(s.label(i) > s.label(i - 1), "each part keeps the images' order");
                }
            }
        }
        assertEquals(100, seen.size());
        assertArrayEquals(a.validation().labels(), Splits.randomFraction(set, 0.25, 11).validation().labels());
        assertTrue(!java.util.Arrays.equals(a.validation().labels(),
                Splits.randomFraction(set, 0.25, 12).validation().labels()), "another seed, another split");
        assertEquals(1, Splits.randomFraction(set, 0.001, 1).validation().size(), "at least one image");
        assertEquals(99, Splits.randomFraction(set, 0.999, 1).validation().size(), "at least one left");
        assertThrows(IllegalArgumentException.class, () -> Splits.randomFraction(set, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> Splits.randomFraction(set, 0.0, 1));
    }

    @Test
    void aRandomCountHoldsOutExactlyThatManyFromAllOverTheSet() {
        byte[] px = new byte[1000];
        int[] labels = new int[1000];
        for (int i = 0; i < 1000; i++) {
            labels[i] = i / 100; // stored class by class, as an image folder is
        }
        ImageSet set = ImageSet.of(px, labels, 1, 1, 1, "sorted");
        TrainValidation tv = Splits.random(set, 200, 5);
        assertEquals(800, tv.train().size());
        assertEquals(200, tv.validation().size());
        java.util.Set<Integer> classes = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            classes.add(tv.validation().label(i));
        }
        assertEquals(10, classes.size(), "every class is in the held-out images, unlike the last 200");
        assertEquals(0, Splits.random(set, 0, 5).validation().size());
        var e = assertThrows(IllegalArgumentException.class, () -> Splits.random(set, 1000, 5));
        assertTrue(e.getMessage().startsWith("cannot hold out 1000 images from sorted, which has 1000 images"),
                e.getMessage());
    }
}
