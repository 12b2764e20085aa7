package org.vae4j.plugins.vae.likelihood;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vae4j.api.Likelihood;
import org.vae4j.api.Parameter;

/**
 * Independent Gaussians around the decoder's means {@code mu} (P = 1):
 * {@code log p(x|mu) = sum_d -0.5 ((x_d - mu_d) / sigma_d)^2 - log sigma_d - 0.5 log(2 pi)}.
 *
 * <p>Sigma is either one fixed value for every dimension ({@link #fixed}) or learned per
 * dimension ({@link #learned}) as a {@code [1, D]} parameter named {@value #LOG_SIGMA} holding
 * {@code log sigma}, which the likelihood owns and returns from {@link #parameters()}.
 *
 * <p>Not thread-safe; the array returned by {@link #logProbAndGradient} is reused by the next call.
 */
public final class GaussianLikelihood implements Likelihood {
    /** The name of the learned log-sigma parameter. */
    public static final String LOG_SIGMA = "logSigma";

    private static final String NAME = "gaussian likelihood";
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final long dims;
    private final double sigma;
    private final Parameter logSigma;

    /* scratch arrays, re-allocated when N or the data type changes */
    private INDArray diff;
    private INDArray rowSums;
    private INDArray inverseSigma;
    private INDArray columnSums;

    private GaussianLikelihood(long dims, double sigma, Parameter logSigma) {
        if (dims < 1) {
            throw new IllegalArgumentException("dimensions must be >= 1, got " + dims);
        }
        this.dims = dims;
        this.sigma = sigma;
        this.logSigma = logSigma;
    }

    /**
     * @param dims  D, the number of data dimensions
     * @param sigma the standard deviation of every dimension, {@code > 0}
     * @return a likelihood with a fixed sigma and no parameters of its own
     */
    public static GaussianLikelihood fixed(long dims, double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
        return new GaussianLikelihood(dims, sigma, null);
    }

    /**
     * @param dims            D, the number of data dimensions
     * @param initialLogSigma the starting value of every {@code log sigma_d}
     * @param type            the data type of the parameter
     * @return a likelihood learning one {@code log sigma} per dimension
     */
    public static GaussianLikelihood learned(long dims, double initialLogSigma, DataType type) {
        if (!Double.isFinite(initialLogSigma)) {
            throw new IllegalArgumentException("initial log sigma must be finite, got " + initialLogSigma);
        }
        INDArray value = Nd4j.valueArrayOf(new long[] {1, dims}, initialLogSigma, type);
        return new GaussianLikelihood(dims, Double.NaN, new Parameter(LOG_SIGMA, value));
    }

    @Override
    public int parametersPerDimension() {
        return 1;
    }

    /** @return D, the number of data dimensions */
    public long dimensions() {
        return dims;
    }

    /** @return whether sigma is a learned parameter */
    public boolean learnsSigma() {
        return logSigma != null;
    }

    /** @return the standard deviation of every dimension (current values if learned), {@code [1, D]} */
    public INDArray sigma() {
        if (logSigma != null) {
            return Transforms.exp(logSigma.value(), true);
        }
        return Nd4j.valueArrayOf(new long[] {1, dims}, sigma, DataType.DOUBLE);
    }

    @Override
    public List<Parameter> parameters() {
        return logSigma == null ? List.of() : List.of(logSigma);
    }

    @Override
    public INDArray logProb(INDArray x, INDArray params) {
        checkData(x, params);
        INDArray out = Nd4j.createUninitialized(params.dataType(), params.size(0));
        return compute(BatchShapes.as(x, params.dataType()), params, 0, null, out);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The gradient with respect to the means is {@code scale * (x - mu) / sigma^2}. With a learned
     * sigma this also overwrites the gradient of {@value #LOG_SIGMA} with
     * {@code scale * sum_n (((x - mu) / sigma)^2 - 1)}. The returned array is a scratch buffer
     * overwritten by the next call.
     */
    @Override
    public INDArray logProbAndGradient(INDArray x, INDArray params, double scale, INDArray gradient) {
        checkData(x, params);
        BatchShapes.requireGradient(gradient, params, NAME);
        ensureBuffers(params.size(0), params.dataType());
        return compute(BatchShapes.as(x, params.dataType()), params, scale, gradient, rowSums);
    }

    /**
     * {@inheritDoc}
     *
     * <p>With a learned sigma, {@value #LOG_SIGMA}'s gradient gets {@code sum_n rowScale[n]
     * sum (z^2 - 1)}.
     */
    @Override
    public INDArray logProbAndGradient(INDArray x, INDArray params, INDArray rowScale, INDArray gradient) {
        if (logSigma == null) {
            return Likelihood.super.logProbAndGradient(x, params, rowScale, gradient);
        }
        checkData(x, params);
        BatchShapes.requireGradient(gradient, params, NAME);
        ensureBuffers(params.size(0), params.dataType());
        INDArray before = logSigma.gradient().dup();
        // the unweighted pass adds sum_n (z^2 - 1); replace that by the weighted sum
        INDArray logP = compute(BatchShapes.as(x, params.dataType()), params, 1.0, gradient, rowSums);
        INDArray w = rowScale.castTo(params.dataType());
        gradient.muliColumnVector(w);
        INDArray z = BatchShapes.as(x, params.dataType()).sub(params).muliRowVector(inverseSigma);
        INDArray weighted = z.muli(z).subi(1.0).muliColumnVector(w).sum(0);
        logSigma.gradient().assign(before.addi(weighted.reshape(1, dims).castTo(before.dataType())));
        return logP;
    }

    @Override
    public INDArray sample(INDArray params, Random random) {
        BatchShapes.requireParams(params, dims, NAME);
        INDArray out = params.ulike();
        Nd4j.getExecutioner().exec(new GaussianDistribution(out, 0.0, 1.0), random);
        if (logSigma == null) {
            out.muli(sigma);
        } else {
            out.muliRowVector(Transforms.exp(BatchShapes.as(logSigma.value(), params.dataType()), true));
        }
        return out.addi(params);
    }

    /** @return a copy of the means {@code mu} */
    @Override
    public INDArray mean(INDArray params) {
        BatchShapes.requireParams(params, dims, NAME);
        return params.dup();
    }

    /** @return the means clamped to [0, 1] */
    @Override
    public INDArray toIntensities(INDArray params) {
        BatchShapes.requireParams(params, dims, NAME);
        return Transforms.min(Transforms.max(params, 0.0, true), 1.0, false);
    }

    @Override
    public String toString() {
        return "Gaussian(D=" + dims + ", " + (logSigma == null ? "sigma=" + sigma : "learned sigma") + ")";
    }

    private void checkData(INDArray x, INDArray params) {
        BatchShapes.requireParams(params, dims, NAME);
        BatchShapes.requireData(x, params, dims, NAME);
    }

    /**
     * Writes the log-probabilities into {@code out} and, if {@code gradient} is not null, the
     * scaled gradients; {@code diff} ends up holding scratch values.
     */
    private INDArray compute(INDArray x, INDArray mu, double scale, INDArray gradient, INDArray out) {
        ensureBuffers(mu.size(0), mu.dataType());
        x.sub(mu, diff);
        if (logSigma == null) {
            double inverseVariance = 1.0 / (sigma * sigma);
            if (gradient != null) {
                diff.mul(scale * inverseVariance, gradient);
            }
            diff.muli(diff).sum(out, 1);
            return out.muli(-0.5 * inverseVariance).subi(dims * (Math.log(sigma) + HALF_LOG_2PI));
        }
        INDArray ls = BatchShapes.as(logSigma.value(), mu.dataType());
        ls.mul(-1.0, inverseSigma);
        Nd4j.exec(new Exp(inverseSigma, inverseSigma));
        INDArray z = diff.muliRowVector(inverseSigma);
        if (gradient != null) {
            // d/dmu = (x - mu) / sigma^2 = z / sigma
            z.mul(scale, gradient).muliRowVector(inverseSigma);
        }
        INDArray zSquared = z.muli(z);
        if (gradient != null) {
            // d/dlogSigma_d = sum_n (z^2 - 1); added, as a backward pass adds
            zSquared.sum(columnSums, 0);
            columnSums.subi(mu.size(0)).muli(scale);
            logSigma.gradient().addi(columnSums.reshape(1, dims));
        }
        // -(0.5 z^2 + log sigma) summed over d, then the constant
        zSquared.muli(0.5).addiRowVector(ls).sum(out, 1);
        return out.negi().subi(dims * HALF_LOG_2PI);
    }

    private void ensureBuffers(long n, DataType type) {
        if (diff == null || diff.size(0) != n || diff.dataType() != type) {
            diff = Nd4j.createUninitialized(type, n, dims);
            rowSums = Nd4j.createUninitialized(type, n);
            inverseSigma = Nd4j.createUninitialized(type, 1, dims);
            columnSums = Nd4j.createUninitialized(type, dims);
        }
    }
}
