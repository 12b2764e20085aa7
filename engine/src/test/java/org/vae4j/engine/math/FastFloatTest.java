package org.vae4j.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The stated accuracy of the fast float functions, against double precision on dense grids. */
class FastFloatTest {

    @Test
    void expNonPositiveIsWithinSixPartsPerMillionDownToMinusTwenty() {
        double worst = 0;
        for (int i = 0; i <= 2_000_000; i++) {
            float x = -20f * i / 2_000_000;
            double exact = Math.exp(x);
            worst = Math.max(worst, Math.abs(FastFloat.expNonPositive(x) - exact) / exact);
        }
        assertTrue(worst < 6e-6, "worst relative error " + worst);
        assertEquals(1f, FastFloat.expNonPositive(0f), 0);
        // below -20: exp(-20), an absolute error under 2.1e-9
        assertEquals(Math.exp(-20), FastFloat.expNonPositive(-1e6f), 1e-14);
        assertTrue(FastFloat.expNonPositive(Float.NEGATIVE_INFINITY) < 2.1e-9);
    }

    @Test
    void log1pUnitIsWithinFloatPrecision() {
        double worst = 0;
        for (int i = 1; i <= 1_000_000; i++) {
            float e = (float) i / 1_000_000;
            double exact = Math.log1p(e);
            worst = Math.max(worst, Math.abs(FastFloat.log1pUnit(e) - exact) / exact);
        }
        assertTrue(worst < 1e-7 * 3, "worst relative error " + worst);
        assertEquals(0f, FastFloat.log1pUnit(0f), 0);
        assertEquals(Math.log(2), FastFloat.log1pUnit(1f), 1e-7);
    }

    @Test
    void positiveIsAStepAwayFromZero() {
        assertEquals(1f, FastFloat.positive(1e-29f), 0);
        assertEquals(1f, FastFloat.positive(3f), 0);
        assertEquals(0f, FastFloat.positive(0f), 0);
        assertEquals(0f, FastFloat.positive(-1e-29f), 0);
        assertEquals(0f, FastFloat.positive(Float.NEGATIVE_INFINITY), 0);
        assertEquals(1f, FastFloat.positive(Float.POSITIVE_INFINITY), 0);
    }
}
