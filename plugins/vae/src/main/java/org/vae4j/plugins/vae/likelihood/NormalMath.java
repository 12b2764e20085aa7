package org.vae4j.plugins.vae.likelihood;

import org.vae4j.engine.math.NormalQuantile;

/**
 * The standard normal's log-density and log-CDF in double precision, stable far into the tails,
 * for the truncated Gaussian (its quantile is the SDK's {@link NormalQuantile}).
 */
final class NormalMath {
    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LOG_HALF = Math.log(0.5);
    private static final double SQRT_HALF = Math.sqrt(0.5);

    private NormalMath() {
    }

    /** @return log phi(x), the standard normal log-density */
    static double logPdf(double x) {
        return -0.5 * x * x - LOG_SQRT_2PI;
    }

    /**
     * log erfc(z) for z >= 0 by the Chebyshev fit of Numerical Recipes ({@code erfcc}, relative
     * error below 1.2e-7 everywhere), evaluated in log space so it never underflows.
     */
    private static double logErfc(double z) {
        double t = 1.0 / (1.0 + 0.5 * z);
        double poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        return Math.log(t) + poly;
    }

    /** @return log Phi(x), the standard normal log-CDF */
    static double logCdf(double x) {
        if (x <= 0) {
            return LOG_HALF + logErfc(-x * SQRT_HALF);
        }
        return Math.log1p(-0.5 * Math.exp(logErfc(x * SQRT_HALF)));
    }

    /** @return Phi(x) */
    static double cdf(double x) {
        return Math.exp(logCdf(x));
    }

    /**
     * log(Phi(b) - Phi(a)) for a < b, the log-mass of [a, b], computed from the nearer tail.
     */
    static double logMass(double a, double b) {
        if (a >= 0) {
            // both in the upper tail: Phi(-a) - Phi(-b)
            double la = logCdf(-a);
            return la + Math.log1p(-Math.exp(logCdf(-b) - la));
        }
        if (b <= 0) {
            double lb = logCdf(b);
            return lb + Math.log1p(-Math.exp(logCdf(a) - lb));
        }
        return Math.log1p(-cdf(a) - cdf(-b));
    }

    /**
     * @param p a probability in (0, 1)
     * @return x with Phi(x) = p (AS 241, the SDK's one normal quantile)
     */
    static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            return p <= 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return NormalQuantile.inverse(p);
    }
}
