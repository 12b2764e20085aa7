package org.vae4j.plugins.vae.likelihood;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log1p;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.engine.layers.HostFloats;
import org.vae4j.engine.math.FastFloat;
import org.vae4j.api.Likelihood;

/**
 * Independent Bernoulli pixels parameterised by logits {@code l} (one per dimension, P = 1):
 * {@code log p(x|l) = sum_d x_d l_d - softplus(l_d)}.
 *
 * <p>For {@code x} in {0, 1} this is the Bernoulli log-mass; for {@code x} in [0, 1] it is the
 * negated binary cross-entropy with logits (what PyTorch's
 * {@code binary_cross_entropy_with_logits(reduction='sum')} returns, negated). Softplus is
 * evaluated as {@code max(l, 0) + log1p(exp(-|l|))}, which stays finite for any logit; ND4J's own
 * {@code SoftPlus} op overflows to infinity for logits above ~88 in FLOAT.
 *
 * <p>Not thread-safe; the array returned by {@link #logProbAndGradient} is reused by the next call.
 */
public final class BernoulliLikelihood implements Likelihood {
    private static final String NAME = "bernoulli likelihood";

    private final long dims;

    /* scratch arrays [N, D], re-allocated when N or the data type changes */
    private INDArray softplus;
    private INDArray term;
    private INDArray rowSums;
    /* host copies for the fused FLOAT kernel */
    private float[] hostX = new float[0];
    private float[] hostL = new float[0];
    private float[] hostE = new float[0];
    private float[] hostT = new float[0];
    private float[] hostRows = new float[0];

    /** @param dims D, the number of data dimensions */
    public BernoulliLikelihood(long dims) {
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
        checkData(x, params);
        INDArray out = Nd4j.createUninitialized(params.dataType(), params.size(0));
        return logProbInto(BatchShapes.as(x, params.dataType()), params, out);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The gradient with respect to the logits is {@code scale * (x - sigmoid(l))}. The returned
     * array is a scratch buffer overwritten by the next call.
     */
    @Override
    public INDArray logProbAndGradient(INDArray x, INDArray params, double scale, INDArray gradient) {
        checkData(x, params);
        BatchShapes.requireGradient(gradient, params, NAME);
        INDArray data = BatchShapes.as(x, params.dataType());
        ensureBuffers(params.size(0), params.dataType());
        if (HostFloats.fits(data) && HostFloats.fits(params) && HostFloats.fits(gradient) && HostFloats.fits(rowSums)) {
            fused(data, params, (float) scale, gradient);
            return rowSums;
        }
        logProbInto(data, params, rowSums);
        Nd4j.exec(new Sigmoid(params, gradient));
        gradient.rsubi(data);
        if (scale != 1.0) {
            gradient.muli(scale);
        }
        return rowSums;
    }

    @Override
    public INDArray sample(INDArray params, Random random) {
        BatchShapes.requireParams(params, dims, NAME);
        INDArray p = mean(params);
        INDArray out = p.ulike();
        Nd4j.getExecutioner().exec(new BernoulliDistribution(out, p), random);
        return out;
    }

    /** @return {@code sigmoid(l)}, the probability of a one */
    @Override
    public INDArray mean(INDArray params) {
        BatchShapes.requireParams(params, dims, NAME);
        INDArray out = params.ulike();
        Nd4j.exec(new Sigmoid(params, out));
        return out;
    }

    /** @return {@code sigmoid(l)}: the probability of a one is the grey level shown */
    @Override
    public INDArray toIntensities(INDArray params) {
        return mean(params);
    }

    @Override
    public String toString() {
        return "Bernoulli(D=" + dims + ")";
    }

    private void checkData(INDArray x, INDArray params) {
        BatchShapes.requireParams(params, dims, NAME);
        BatchShapes.requireData(x, params, dims, NAME);
    }

    /** Writes {@code sum_d x l - softplus(l)} into {@code out}, using the scratch arrays. */
    private INDArray logProbInto(INDArray x, INDArray logits, INDArray out) {
        ensureBuffers(logits.size(0), logits.dataType());
        // softplus(l) = max(l, 0) + log1p(exp(-|l|)): exp never sees a positive argument
        Nd4j.exec(new Abs(logits, softplus));
        softplus.negi();
        Nd4j.exec(new Exp(softplus, softplus));
        Nd4j.exec(new Log1p(softplus, softplus));
        Nd4j.exec(new RectifiedLinear(logits, term, 0.0));
        softplus.addi(term);
        x.mul(logits, term).subi(softplus);
        return term.sum(out, 1);
    }

    /**
     * The training step's kernel: log-probabilities and gradient in four short host loops, which
     * the JIT vectorizes, with {@link FastFloat}'s exp and log1p (relative error below 6e-6 and
     * 1e-7): about 0.1 ms for 128 x 784 where the ND4J ops of {@link #logProbInto} and the sigmoid
     * take about 0.5 ms. Evaluations ({@link #logProb}) stay on the exact ND4J path.
     */
    private void fused(INDArray data, INDArray params, float scale, INDArray gradient) {
        int n = (int) params.length();
        if (hostX.length < n) {
            hostX = new float[n];
            hostL = new float[n];
            hostE = new float[n];
            hostT = new float[n];
        }
        float[] x = hostX;
        float[] l = hostL;
        float[] e = hostE;
        float[] t = hostT;
        HostFloats.read(data, x);
        HostFloats.read(params, l);
        for (int i = 0; i < n; i++) {
            e[i] = FastFloat.expNonPositive(-Math.abs(l[i]));
        }
        // x l - softplus(l), softplus(l) = max(l, 0) + log1p(exp(-|l|))
        for (int i = 0; i < n; i++) {
            t[i] = x[i] * l[i] - Math.max(l[i], 0f) - FastFloat.log1pUnit(e[i]);
        }
        // scale (x - sigmoid(l)); sigmoid(l) = 1 / (1 + e) for l > 0, 1 - 1 / (1 + e) otherwise
        for (int i = 0; i < n; i++) {
            float inv = 1f / (1f + e[i]);
            float pos = FastFloat.positive(l[i]);
            e[i] = scale * (x[i] - (pos * inv + (1f - pos) * (1f - inv)));
        }
        HostFloats.write(e, gradient);
        int rows = (int) params.size(0);
        int d = (int) dims;
        if (hostRows.length < rows) {
            hostRows = new float[rows];
        }
        for (int r = 0; r < rows; r++) {
            // four running sums: one chain of dependent additions would wait on each
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int i = r * d;
            int end = i + d;
            for (; i + 3 < end; i += 4) {
                s0 += t[i];
                s1 += t[i + 1];
                s2 += t[i + 2];
                s3 += t[i + 3];
            }
            for (; i < end; i++) {
                s0 += t[i];
            }
            hostRows[r] = (float) ((s0 + s1) + (s2 + s3));
        }
        HostFloats.write(hostRows, rowSums);
    }

    private void ensureBuffers(long n, DataType type) {
        if (term == null || term.size(0) != n || term.dataType() != type) {
            softplus = Nd4j.createUninitialized(type, n, dims);
            term = Nd4j.createUninitialized(type, n, dims);
            rowSums = Nd4j.createUninitialized(type, n);
        }
    }
}
