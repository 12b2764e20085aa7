package org.vae4j.plugins.vae;

/** Conversions between the units figures are reported in. */
public final class Units {
    private static final double LOG2E = 1.0 / Math.log(2.0);

    private Units() {
    }

    /**
     * Bits per dimension: the negative ELBO of one example, converted from nats to bits and
     * divided by the number of data dimensions, {@code -ELBO * log2(e) / D}.
     *
     * @param negativeElboNats the negative ELBO of one example, in nats
     * @param dimensions       D, the values per example (784 for a 28x28 grey image)
     * @return bits per dimension
     */
    public static double bitsPerDimension(double negativeElboNats, long dimensions) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be >= 1, got " + dimensions);
        }
        return negativeElboNats * LOG2E / dimensions;
    }
}
