package org.vae4j.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SeededRandomTest {
    private static double[] draws(long seed) {
        try (SeededRandom r = new SeededRandom(seed)) {
            return r.get().nextGaussian(new long[] {5}).toDoubleVector();
        }
    }

    @Test
    void seedZeroIsRepeatableLikeAnyOther() {
        assertEquals(java.util.Arrays.toString(draws(0)), java.util.Arrays.toString(draws(0)));
        assertEquals(java.util.Arrays.toString(draws(7)), java.util.Arrays.toString(draws(7)));
        assertNotEquals(java.util.Arrays.toString(draws(0)), java.util.Arrays.toString(draws(7)));
    }

    @Test
    void derivedSeedsDifferByPurposeAndIndex() {
        assertNotEquals(Seeds.derive(42, 1, 0), Seeds.derive(42, 2, 0));
        assertNotEquals(Seeds.derive(42, 1, 0), Seeds.derive(42, 1, 1));
        assertEquals(Seeds.derive(42, 1, 3), Seeds.derive(42, 1, 3));
    }
}
