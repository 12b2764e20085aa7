package org.vae4j.engine.math;

/**
 * Float functions made only of additions, multiplications, divisions and min/max, so that loops
 * calling them are vectorized by the JIT (Java 17 vectorizes no {@code Math.exp} or
 * {@code Math.log}, and none of ND4J 1.0.0-M2.1's transcendental ops are vectorized). Each is exact
 * to what a float loss needs; the accuracy is stated and tested. Keep the loops that call them
 * small: C2 vectorizes a loop only if its unrolled body stays under {@code LoopUnrollLimit}, so a
 * kernel is better written as several short passes than one long one.
 */
public final class FastFloat {
    /** Below this, {@link #expNonPositive} returns its value here, {@code exp(-20) = 2.1e-9}. */
    public static final float EXP_FLOOR_ARGUMENT = -20f;

    private FastFloat() {
    }

    /**
     * {@code exp(x)} for {@code x <= 0}, as {@code (1 / exp(-x / 32))^32} with the degree-9 Taylor
     * polynomial of {@code exp} on {@code [0, 0.625]} (remainder below 3e-9). Relative error below
     * 6e-6 on {@code [-20, 0]}, most of it float rounding doubled by each squaring; arguments below
     * -20 give {@code exp(-20)}, an absolute error below 2.1e-9.
     *
     * @param x a non-positive number
     * @return about {@code exp(x)}
     */
    public static float expNonPositive(float x) {
        // exp(|t|) has only positive Taylor terms, so no cancellation; exp(-|t|) is its reciprocal
        float t = -Math.max(x, EXP_FLOOR_ARGUMENT) * (1f / 32f);
        float e = 1f / 362880f;
        e = e * t + 1f / 40320f;
        e = e * t + 1f / 5040f;
        e = e * t + 1f / 720f;
        e = e * t + 1f / 120f;
        e = e * t + 1f / 24f;
        e = e * t + 1f / 6f;
        e = e * t + 0.5f;
        e = e * t + 1f;
        e = e * t + 1f;
        e = 1f / e;
        e = e * e;
        e = e * e;
        e = e * e;
        e = e * e;
        return e * e;
    }

    /**
     * {@code log(1 + e)} for {@code e} in {@code [0, 1]}, as {@code 2 atanh(s)} with
     * {@code s = e / (2 + e) <= 1/3} and the series of atanh to {@code s^17}: relative error below
     * 1e-7 (the series' remainder is below 5e-11).
     *
     * @param e a number in [0, 1]
     * @return about {@code log1p(e)}
     */
    public static float log1pUnit(float e) {
        float s = e / (2f + e);
        float s2 = s * s;
        float p = 1f / 17f;
        p = p * s2 + 1f / 15f;
        p = p * s2 + 1f / 13f;
        p = p * s2 + 1f / 11f;
        p = p * s2 + 1f / 9f;
        p = p * s2 + 1f / 7f;
        p = p * s2 + 1f / 5f;
        p = p * s2 + 1f / 3f;
        p = p * s2 + 1f;
        return 2f * s * p;
    }

    /**
     * 1 for {@code x > 0}, 0 for {@code x <= 0}, without a branch (so loops using it vectorize),
     * for |x| above 1e-30; in between it blends, which is harmless where both sides of a select
     * agree at 0, as they do for the sigmoid.
     *
     * @param x a number
     * @return about the step function at x
     */
    public static float positive(float x) {
        return Math.min(Math.max(x * 1e30f, 0f), 1f);
    }
}
