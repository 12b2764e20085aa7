package org.vae4j.engine.layers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The setting that keeps libnd4j's ops: unset, auto and unknown values leave the newest kernels on. */
class KernelsTest {
    @Test
    void onlyLibnd4jTurnsTheNewestKernelsOff() {
        assertTrue(Kernels.parse(null));
        assertTrue(Kernels.parse(""));
        assertTrue(Kernels.parse("auto"));
        assertTrue(Kernels.parse(" AUTO "));
        assertFalse(Kernels.parse("libnd4j"));
        assertFalse(Kernels.parse("LibND4J"));
        // a typo warns on stderr and keeps the default
        assertTrue(Kernels.parse("libnd4"));
    }

    @Test
    void theTestsRunWithTheDefault() {
        assertTrue(Kernels.newest());
    }
}
