package org.vae4j.plugins.vae.likelihood;

/**
 * The standard normal's log-density, log-CDF and quantile in double precision, stable far into
 * the tails, for the truncated Gaussian.
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
     * The standard normal quantile by Acklam's rational approximation (relative error below
     * 1.2e-9).
     *
     * @param p a probability in (0, 1)
     * @return x with Phi(x) = p
     */
    static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            return p <= 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log1p(-p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
