package org.vae4j.plugins.vae.likelihood;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Max;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vae4j.api.Likelihood;
import org.vae4j.engine.layers.HostFloats;
import org.vae4j.engine.layers.Kernels;
import org.vae4j.engine.math.FastFloat;

/**
 * A categorical distribution over {@code K} levels for every data dimension, parameterised by
 * logits (P = K): the logit of level {@code k} of dimension {@code d} is column {@code k*D + d}, so
 * the parameters of one example viewed as {@code [K, D]} hold one row of logits per level. Data
 * hold level indices {@code 0..K-1} as floating-point values, as 4-bit pictures do
 * ({@code level = min(floor(16 * intensity), 15)}).
 *
 * <p>{@code log p(x|l) = sum_d l[x_d, d] - logsumexp_k l[k, d]}, computed with the maximum over
 * the levels subtracted first so that no logit overflows.
 *
 * <p>Not thread-safe; the array returned by {@link #logProbAndGradient} is reused by the next call.
 */
public final class CategoricalLikelihood implements Likelihood {
    private static final String NAME = "categorical likelihood";

    private final long dims;
    private final int levels;

    /* scratch arrays, re-allocated when N or the data type changes */
    private INDArray shifted;        // [N, K, D]: logits minus their maximum over k
    private INDArray exponentials;   // [N, K, D]: exp(shifted), then the probabilities
    private INDArray oneHot;         // [N, K, D], unused when the gradient array can be written in place
    private INDArray levelGrid;      // [N, K, D] holding k at [n, k, d]
    private INDArray maxima;         // [N, 1, D]: maxima over k, then log-normalisers
    private INDArray normalizers;    // [N, 1, D]: sum_k exp(shifted)
    private INDArray normalizerSums; // [N]
    private INDArray rowSums;        // [N]

    /* host copies for the fused FLOAT kernel */
    private float[] hostLogits = new float[0];
    private float[] hostGradient = new float[0];
    private float[] hostLevels = new float[0];
    private float[] hostRows = new float[0];
    private float[] maxOfDim = new float[0];
    private float[] sumOfDim = new float[0];

    /**
     * @param dims   D, the number of data dimensions
     * @param levels K, the number of levels per dimension, 2..256
     */
    public CategoricalLikelihood(long dims, int levels) {
        if (dims < 1) {
            throw new IllegalArgumentException("dimensions must be >= 1, got " + dims);
        }
        if (levels < 2 || levels > CategoricalConfig.MAX_LEVELS) {
            throw new IllegalArgumentException("levels must be in 2.." + CategoricalConfig.MAX_LEVELS
                    + ", got " + levels);
        }
        this.dims = dims;
        this.levels = levels;
    }

    @Override
    public int parametersPerDimension() {
        return levels;
    }

    /** @return D, the number of data dimensions */
    public long dimensions() {
        return dims;
    }

    /** @return K, the number of levels per dimension */
    public int levels() {
        return levels;
    }

    @Override
    public INDArray logProb(INDArray x, INDArray params) {
        checkData(x, params);
        INDArray out = Nd4j.createUninitialized(params.dataType(), params.size(0));
        ensureBuffers(params.size(0), params.dataType());
        return compute(BatchShapes.as(x, params.dataType()), params, 0, null, oneHot, out);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The gradient with respect to the logits is {@code scale * (onehot(x) - softmax(l))} in the
     * same {@code [N, K*D]} layout. The returned array is a scratch buffer overwritten by the next
     * call.
     */
    @Override
    public INDArray logProbAndGradient(INDArray x, INDArray params, double scale, INDArray gradient) {
        checkData(x, params);
        BatchShapes.requireGradient(gradient, params, NAME);
        long n = params.size(0);
        ensureBuffers(n, params.dataType());
        INDArray data = BatchShapes.as(x, params.dataType());
        if (Kernels.newest() && HostFloats.fits(data) && HostFloats.fits(params) && HostFloats.fits(gradient)
                && HostFloats.fits(rowSums) && params.length() == gradient.length()) {
            fused(data, params, (float) scale, gradient);
            return rowSums;
        }
        if (BatchShapes.reshapesInPlace(gradient) && gradient.dataType() == params.dataType()) {
            compute(data, params, scale, gradient, gradient.reshape('c', n, levels, dims), rowSums);
        } else {
            compute(data, params, scale, gradient, oneHot, rowSums);
            gradient.assign(oneHot.reshape('c', n, (long) levels * dims));
        }
        return rowSums;
    }

    /** Draws one level per dimension with the Gumbel-max trick: argmax_k (l_k + Gumbel noise). */
    @Override
    public INDArray sample(INDArray params, Random random) {
        BatchShapes.requireParams(params, levels * dims, NAME);
        INDArray logits = asLevels(params);
        INDArray noise = Nd4j.createUninitialized(params.dataType(), logits.shape());
        Nd4j.getExecutioner().exec(new UniformDistribution(noise, 0.0, 1.0), random);
        // -log(-log u) is Gumbel(0, 1); u = 0 gives -infinity, a level that is never picked
        Transforms.log(noise, false).negi();
        Transforms.log(noise, false).negi();
        noise.addi(logits);
        return Nd4j.argMax(noise, 1).castTo(params.dataType());
    }

    /** @return the expected level {@code sum_k k * p_k} of every dimension */
    @Override
    public INDArray mean(INDArray params) {
        BatchShapes.requireParams(params, levels * dims, NAME);
        INDArray logits = asLevels(params);
        INDArray probs = logits.ulike();
        Nd4j.exec(new SoftMax(logits, probs, 1));
        INDArray levelColumn = Nd4j.arange(levels).castTo(params.dataType()).reshape(1, levels, 1);
        return probs.muli(levelColumn).sum(1);
    }

    /** @return the expected level divided by {@code K - 1} */
    @Override
    public INDArray toIntensities(INDArray params) {
        return mean(params).divi(levels - 1);
    }

    /** @return {@code min(floor(K * i), K - 1)}, the level whose intensity bin holds {@code i} */
    @Override
    public INDArray fromIntensities(INDArray intensities) {
        INDArray out = Transforms.floor(intensities.mul(levels), false);
        return Transforms.max(Transforms.min(out, levels - 1, false), 0.0, false);
    }

    @Override
    public String toString() {
        return "Categorical(D=" + dims + ", K=" + levels + ")";
    }

    private void checkData(INDArray x, INDArray params) {
        BatchShapes.requireParams(params, levels * dims, NAME);
        BatchShapes.requireData(x, params, dims, NAME);
    }

    /** @return the logits as {@code [N, K, D]}; a view when {@code params} is contiguous */
    private INDArray asLevels(INDArray params) {
        return params.reshape('c', params.size(0), levels, dims);
    }

    /**
     * Writes the log-probabilities into {@code out}; if {@code gradient} is not null, also leaves
     * {@code scale * (onehot - softmax)} in {@code hot}, which is {@code [N, K, D]} and may be a
     * view of {@code gradient}.
     */
    private INDArray compute(INDArray x, INDArray params, double scale, INDArray gradient,
                             INDArray hot, INDArray out) {
        long n = params.size(0);
        INDArray logits = asLevels(params);
        // shift by the maximum over the levels so that exp never overflows
        Nd4j.exec(new Max(logits, maxima, true, 1));
        logits.sub(maxima, shifted);
        Nd4j.exec(new Exp(shifted, exponentials));
        Nd4j.exec(new Sum(exponentials, normalizers, true, 1));
        // one-hot of the observed level: max(0, 1 - |k - x|) is 1 at k == x and 0 at other integers
        levelGrid.sub(x.reshape('c', n, 1, dims), hot);
        Nd4j.exec(new Abs(hot, hot));
        hot.rsubi(1.0);
        Nd4j.exec(new RectifiedLinear(hot, hot, 0.0));
        // log p = sum_d shifted[x_d] - log sum_k exp(shifted); the normalisers are only [N, 1, D]
        shifted.muli(hot).sum(out, 1, 2);
        Nd4j.exec(new Log(normalizers, maxima));
        out.subi(maxima.sum(normalizerSums, 1, 2));
        if (gradient != null) {
            // dividing by the normalisers is cheaper than a second exp over [N, K, D]
            exponentials.divi(normalizers);
            hot.subi(exponentials);
            if (scale != 1.0) {
                hot.muli(scale);
            }
        }
        return out;
    }

    /**
     * The training step's kernel, for FLOAT batches: per example, the logits shifted by their maxima
     * over the levels, their exponentials ({@link FastFloat#expNonPositive}, relative error below
     * 6e-6), the sums, their logarithms and the gradient {@code scale (onehot - softmax)}: short
     * host loops that the JIT vectorizes (measured in docs/BENCHMARKS.md). Evaluations ({@link #logProb}) stay on the exact ND4J path.
     */
    private void fused(INDArray data, INDArray params, float scale, INDArray gradient) {
        int n = (int) params.size(0);
        int d = (int) dims;
        int k = levels;
        int total = n * k * d;
        if (hostLogits.length < total) {
            hostLogits = new float[total];
            hostGradient = new float[total];
        }
        if (hostLevels.length < n * d) {
            hostLevels = new float[n * d];
        }
        if (hostRows.length < n) {
            hostRows = new float[n];
        }
        if (maxOfDim.length < d) {
            maxOfDim = new float[d];
            sumOfDim = new float[d];
        }
        float[] l = hostLogits;
        float[] g = hostGradient;
        float[] m = maxOfDim;
        float[] s = sumOfDim;
        HostFloats.read(params, l);
        HostFloats.read(data, hostLevels);
        // one example at a time (its 16 x 784 floats stay in the core's cache), in passes short
        // enough for the JIT to vectorize each: maxima, shift, exponentials, sums, gradient
        for (int r = 0; r < n; r++) {
            int base = r * k * d;
            System.arraycopy(l, base, m, 0, d);
            for (int level = 1; level < k; level++) {
                int o = base + level * d;
                for (int j = 0; j < d; j++) {
                    m[j] = Math.max(m[j], l[o + j]);
                }
            }
            for (int level = 0; level < k; level++) {
                int o = base + level * d;
                for (int j = 0; j < d; j++) {
                    g[o + j] = l[o + j] - m[j];
                }
            }
            // the observed levels' shifted logits, the first part of log p
            double observedSum = 0;
            int levelsAt = r * d;
            for (int j = 0; j < d; j++) {
                float level = hostLevels[levelsAt + j];
                int observed = (int) level;
                if (observed < 0 || observed >= k || observed != level) {
                    throw new IllegalArgumentException(NAME + ": data must be levels 0.." + (k - 1) + ", got "
                            + level + " at example " + r + ", dimension " + j);
                }
                observedSum += g[base + observed * d + j];
            }
            for (int i = base, end = base + k * d; i < end; i++) {
                g[i] = FastFloat.expNonPositive(g[i]);
            }
            System.arraycopy(g, base, s, 0, d);
            for (int level = 1; level < k; level++) {
                int o = base + level * d;
                for (int j = 0; j < d; j++) {
                    s[j] += g[o + j];
                }
            }
            // log p = sum_j (l[x_j, j] - max_j) - log sum_k exp(l[k, j] - max_j)
            double row = observedSum;
            for (int j = 0; j < d; j++) {
                row -= Math.log(s[j]);
            }
            hostRows[r] = (float) row;
            for (int j = 0; j < d; j++) {
                s[j] = -scale / s[j];
            }
            for (int level = 0; level < k; level++) {
                int o = base + level * d;
                for (int j = 0; j < d; j++) {
                    g[o + j] *= s[j];
                }
            }
            for (int j = 0; j < d; j++) {
                g[base + (int) hostLevels[levelsAt + j] * d + j] += scale;
            }
        }
        HostFloats.write(g, gradient);
        HostFloats.write(hostRows, rowSums);
    }

    private void ensureBuffers(long n, DataType type) {
        if (shifted == null || shifted.size(0) != n || shifted.dataType() != type) {
            shifted = Nd4j.createUninitialized(type, n, levels, dims);
            exponentials = Nd4j.createUninitialized(type, n, levels, dims);
            oneHot = Nd4j.createUninitialized(type, n, levels, dims);
            maxima = Nd4j.createUninitialized(type, n, 1, dims);
            normalizers = Nd4j.createUninitialized(type, n, 1, dims);
            normalizerSums = Nd4j.createUninitialized(type, n);
            rowSums = Nd4j.createUninitialized(type, n);
            INDArray levelColumn = Nd4j.arange(levels).castTo(type).reshape(1, levels, 1);
            levelGrid = Nd4j.zeros(type, n, levels, dims).addi(levelColumn);
        }
    }
}
