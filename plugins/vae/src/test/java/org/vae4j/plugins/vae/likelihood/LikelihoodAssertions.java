package org.vae4j.plugins.vae.likelihood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.engine.gradcheck.GradientCheck;

/** Assertions shared by the likelihood, prior and schedule tests. */
public final class LikelihoodAssertions {
    /** The tolerance of every finite-difference check. */
    public static final double GRADIENT_TOLERANCE = 1e-6;

    private LikelihoodAssertions() {
    }

    /** Asserts a gradient-check result is within {@link #GRADIENT_TOLERANCE}. */
    public static void assertGradient(GradientCheck.Result result, String what) {
        assertTrue(result.relativeError() <= GRADIENT_TOLERANCE, what + ": " + result);
    }

    /** Asserts {@code actual} is a 1-D array equal to {@code expected} within {@code tolerance}. */
    public static void assertValues(double[] expected, INDArray actual, double tolerance) {
        assertEquals(1, actual.rank(), "rank of " + actual);
        assertArrayEquals(expected, actual.toDoubleVector(), tolerance);
    }

    /** Asserts two arrays have the same shape and values within {@code tolerance}. */
    public static void assertClose(INDArray expected, INDArray actual, double tolerance) {
        assertArrayEquals(expected.shape(), actual.shape(), "shape");
        double diff = expected.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
                .sub(actual.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(diff <= tolerance, "max difference " + diff + " > " + tolerance
                + "\nexpected " + expected + "\nactual " + actual);
    }

    /** @return {@code 4} standard errors of a frequency {@code p} estimated from {@code n} draws, plus slack */
    public static double frequencyTolerance(double p, long n) {
        return 4 * Math.sqrt(p * (1 - p) / n) + 1e-3;
    }
}
