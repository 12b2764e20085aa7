package org.vae4j.plugins.vae.likelihood;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Seed 004's {@code truncated} assumption: every target in [0, 1] is a Gaussian around the
 * decoder's output mu with a fixed sigma, truncated to [0, 1]:
 * {@code log p(x|mu) = log phi((x - mu) / sigma) - log sigma - log(Phi((1 - mu) / sigma) - Phi(-mu / sigma))}.
 * The loss is the squared error of seed 004's MSE on [0, 1] targets plus the log of the
 * truncation's mass, computed in log space so it stays finite for any mu.
 *
 * <p>Pictures are the outputs clamped to [0, 1] (seed 004's {@code clamp_(0, 1)}), which is the
 * mode of the truncated Gaussian; {@link #mean} is its mean.
 */
public final class TruncatedGaussianLikelihood extends PixelwiseLikelihood {
    private final double sigma;
    private final double logSigma;

    /**
     * @param dims  D, the number of data dimensions
     * @param sigma the standard deviation before truncation, > 0
     */
    public TruncatedGaussianLikelihood(long dims, double sigma) {
        super(dims, "truncated likelihood");
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
        this.sigma = sigma;
        this.logSigma = Math.log(sigma);
    }

    private double logMass(double mu) {
        return NormalMath.logMass(-mu / sigma, (1 - mu) / sigma);
    }

    /** (phi(a) - phi(b)) / Z, the derivative of log Z with respect to mu times sigma. */
    private double shift(double mu) {
        double a = -mu / sigma;
        double b = (1 - mu) / sigma;
        double lz = logMass(mu);
        return Math.exp(NormalMath.logPdf(a) - lz) - Math.exp(NormalMath.logPdf(b) - lz);
    }

    @Override
    double logDensity(double x, double mu) {
        if (!(x >= 0 && x <= 1)) {
            throw new IllegalArgumentException("truncated likelihood: data must lie in [0, 1], got " + x);
        }
        return NormalMath.logPdf((x - mu) / sigma) - logSigma - logMass(mu);
    }

    @Override
    double derivative(double x, double mu) {
        return (x - mu) / (sigma * sigma) - shift(mu) / sigma;
    }

    @Override
    double draw(double mu, java.util.Random random) {
        double a = -mu / sigma;
        double b = (1 - mu) / sigma;
        double u = random.nextDouble();
        double t;
        if (a >= 0) {
            // the upper tail, where Phi(a) and Phi(b) would both round to 1
            double qa = NormalMath.cdf(-a);
            double qb = NormalMath.cdf(-b);
            t = -NormalMath.quantile(qa - u * (qa - qb));
        } else {
            double pa = NormalMath.cdf(a);
            double pb = NormalMath.cdf(b);
            t = NormalMath.quantile(pa + u * (pb - pa));
        }
        double x = mu + sigma * t;
        // beyond about 37 sigma the tail masses underflow; the mode is then the only sensible draw
        return Double.isFinite(x) ? Math.max(0, Math.min(1, x)) : Math.max(0, Math.min(1, mu));
    }

    @Override
    double meanOf(double mu) {
        return Math.max(0, Math.min(1, mu + sigma * shift(mu)));
    }

    /** @return the outputs clamped to [0, 1] */
    @Override
    public INDArray toIntensities(INDArray params) {
        checkParams(params);
        return Transforms.min(Transforms.max(params, 0.0, true), 1.0, false);
    }

    @Override
    public String toString() {
        return "TruncatedGaussian(D=" + dimensions() + ", sigma=" + sigma + ")";
    }
}
