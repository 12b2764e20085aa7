package org.vae4j.plugins.vae.likelihood;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vae4j.api.Likelihood;

/**
 * The squared-error reconstruction loss as a likelihood (P = 1): {@code log p(x|mu) = -sum_d (x_d - mu_d)^2},
 * so the loss the engine minimizes, {@code -1/N sum_n log p}, is the squared error summed over the
 * dimensions of an example and averaged over the batch only: seed 002's autoencoder loss
 * ({@code F.mse_loss(x_hat, x, reduction='sum') / N}).
 *
 * <p>It is a Gaussian with variance 1/2 per dimension without its normalizing constant
 * {@code D (log sigma + log(2 pi)/2)}: the gradients are those of {@code gaussian} with
 * {@code sigma = sqrt(1/2)}, the values differ by that constant. Figures from it (bits per
 * dimension included) are therefore squared errors, not log-likelihoods; use {@code gaussian} where
 * a normalized density matters. {@link #sample} draws from that Gaussian.
 *
 * <p>Not thread-safe; the array returned by {@link #logProbAndGradient} is reused by the next call.
 */
public final class MseLikelihood implements Likelihood {
    private static final String NAME = "mse likelihood";
    private static final double SIGMA = Math.sqrt(0.5);

    private final long dims;
    private INDArray diff;
    private INDArray rowSums;

    /** @param dims D, the number of data dimensions */
    public MseLikelihood(long dims) {
        if (dims < 1) {
            throw new IllegalArgumentException("dimensions must be >= 1, got " + dims);
        }
        this.dims = dims;
    }

    @Override
    public int parametersPerDimension() {
        return 1;
    }

    /** @return D, the number of data dimensions */
    public long dimensions() {
        return dims;
    }

    @Override
    public INDArray logProb(INDArray x, INDArray params) {
        check(x, params);
        INDArray out = Nd4j.createUninitialized(params.dataType(), params.size(0));
        return compute(BatchShapes.as(x, params.dataType()), params, 0, null, out);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The gradient with respect to the means is {@code scale * 2 (x - mu)}.
     */
    @Override
    public INDArray logProbAndGradient(INDArray x, INDArray params, double scale, INDArray gradient) {
        check(x, params);
        BatchShapes.requireGradient(gradient, params, NAME);
        ensureBuffers(params.size(0), params.dataType());
        return compute(BatchShapes.as(x, params.dataType()), params, scale, gradient, rowSums);
    }

    private INDArray compute(INDArray x, INDArray mu, double scale, INDArray gradient, INDArray out) {
        ensureBuffers(mu.size(0), mu.dataType());
        x.sub(mu, diff);
        if (gradient != null) {
            diff.mul(2 * scale, gradient);
        }
        return diff.muli(diff).sum(out, 1).negi();
    }

    /** @return {@code mu + sqrt(1/2) eps}: a draw from the Gaussian this loss belongs to */
    @Override
    public INDArray sample(INDArray params, Random random) {
        BatchShapes.requireParams(params, dims, NAME);
        INDArray out = params.ulike();
        Nd4j.getExecutioner().exec(new GaussianDistribution(out, 0.0, SIGMA), random);
        return out.addi(params);
    }

    /** @return a copy of the means */
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
        return "MSE(D=" + dims + ")";
    }

    private void check(INDArray x, INDArray params) {
        BatchShapes.requireParams(params, dims, NAME);
        BatchShapes.requireData(x, params, dims, NAME);
    }

    private void ensureBuffers(long n, DataType type) {
        if (diff == null || diff.size(0) != n || diff.dataType() != type) {
            diff = Nd4j.createUninitialized(type, n, dims);
            rowSums = Nd4j.createUninitialized(type, n);
        }
    }
}
