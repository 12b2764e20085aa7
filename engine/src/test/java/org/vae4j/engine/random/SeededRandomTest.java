package org.vae4j.engine.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.vae4j.api.random.Seeds;

import org.junit.jupiter.api.Test;

class SeededRandomTest {
    private static double[] draws(long seed) {
        try (SeededRandom r = new SeededRandom(seed)) {
            return r.get().nextGaussian(new long[] {5}).toDoubleVector();
        }
    }

    @Test
    void seedZeroIsRepeatableLikeAnyOther() {
        double[] first = draws(0);
        double[] again = draws(0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(first, again, 0.0,
                "ND4J seeds from the clock when given 0; SeededRandom must not");
        double[] seven = draws(7);
        org.junit.jupiter.api.Assertions.assertArrayEquals(seven, draws(7), 0.0);
        assertNotEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(seven));
    }

    @Test
    void derivedSeedsDifferByPurposeAndIndex() {
        assertNotEquals(Seeds.derive(42, 1, 0), Seeds.derive(42, 2, 0));
        assertNotEquals(Seeds.derive(42, 1, 0), Seeds.derive(42, 1, 1));
        assertEquals(Seeds.derive(42, 1, 3), Seeds.derive(42, 1, 3));
    }
}
