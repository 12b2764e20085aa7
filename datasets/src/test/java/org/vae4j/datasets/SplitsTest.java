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
}
