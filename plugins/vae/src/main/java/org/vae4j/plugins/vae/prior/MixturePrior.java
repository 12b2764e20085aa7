package org.vae4j.plugins.vae.prior;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Parameter;
import org.vae4j.api.Prior;

/**
 * A learned mixture of C diagonal Gaussians, {@code p(z) = sum_c pi_c N(z; mu_c, diag exp(lv_c))}
 * with {@code pi = softmax(logits)}: parameters {@code logits [C]}, {@code means [C, L]} and
 * {@code logVars [C, L]}, trained with the model (their gradients are written by
 * {@link #logProbAndGradient}). There is no closed-form KL to a Gaussian posterior, so the ELBO
 * takes its Monte Carlo estimate {@code log q(z|x) - log p(z)}.
 *
 * <p>With responsibilities {@code r_c(z) = pi_c N(z; mu_c, s_c) / p(z)}:
 * {@code d log p / dz = -sum_c r_c (z - mu_c) / s_c}, {@code d / d mu_c = r_c (z - mu_c) / s_c},
 * {@code d / d lv_c = r_c ((z - mu_c)^2 / s_c - 1) / 2}, {@code d / d logit_c = r_c - pi_c}.
 * Computed on the host in double precision: the arrays are {@code N x C x L}, a few thousand values.
 */
public final class MixturePrior implements Prior {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private final int latentDim;
    private final int components;
    private final DataType dataType;
    private final Parameter logits;
    private final Parameter means;
    private final Parameter logVars;

    /**
     * @param latentDim  L
     * @param components C
     * @param initialStd the spread of the initial means around 0 (drawn from N(0, initialStd^2))
     * @param dataType   the type of the parameters and of the codes {@link #sample} draws
     * @param random     the stream of the initial means
     */
    public MixturePrior(int latentDim, int components, double initialStd, DataType dataType, Random random) {
        if (latentDim < 1 || components < 1) {
            throw new IllegalArgumentException("latent dimension and components must be >= 1, got " + latentDim
                    + " and " + components);
        }
        this.latentDim = latentDim;
        this.components = components;
        this.dataType = dataType;
        INDArray m = Nd4j.createUninitialized(dataType, components, latentDim);
        Nd4j.getExecutioner().exec(new GaussianDistribution(m, 0.0, initialStd), random);
        this.logits = new Parameter("logits", Nd4j.zeros(dataType, components));
        this.means = new Parameter("means", m);
        this.logVars = new Parameter("logVars", Nd4j.zeros(dataType, components, latentDim));
    }

    @Override
    public int latentDim() {
        return latentDim;
    }

    /** @return C, the number of components */
    public int components() {
        return components;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(logits, means, logVars);
    }

    @Override
    public INDArray logProb(INDArray z) {
        return compute(z, null, null, false);
    }

    @Override
    public INDArray logProbGradient(INDArray z) {
        INDArray g = z.ulike();
        compute(z, null, g, false);
        return g;
    }

    @Override
    public INDArray logProbAndGradient(INDArray z, double scale, INDArray gradZ) {
        double[] w = new double[(int) z.size(0)];
        java.util.Arrays.fill(w, scale);
        return compute(z, w, gradZ, true);
    }

    @Override
    public INDArray logProbAndGradient(INDArray z, INDArray rowScale, INDArray gradZ) {
        return compute(z, rowScale.castTo(DataType.DOUBLE).reshape(rowScale.length()).toDoubleVector(), gradZ, true);
    }

    /**
     * log p(z) per row; with {@code gradZ}, {@code scale[r] * d log p(z_r)/dz_r} into it; with
     * {@code parameterGradients}, {@code sum_r scale[r] * d log p(z_r)/d theta} added to theirs.
     */
    private INDArray compute(INDArray z, double[] scale, INDArray gradZ, boolean parameterGradients) {
        if (z.rank() != 2 || z.size(1) != latentDim) {
            throw new IllegalArgumentException("z must be [N, " + latentDim + "], got "
                    + java.util.Arrays.toString(z.shape()));
        }
        int n = (int) z.size(0);
        int l = latentDim;
        int c = components;
        double[][] zs = z.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[] lg = logits.value().castTo(DataType.DOUBLE).reshape(c).toDoubleVector();
        double[][] mu = means.value().castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] lv = logVars.value().castTo(DataType.DOUBLE).toDoubleMatrix();
        // log pi = logits - logsumexp(logits)
        double maxLogit = Double.NEGATIVE_INFINITY;
        for (double v : lg) {
            maxLogit = Math.max(maxLogit, v);
        }
        double norm = 0;
        for (double v : lg) {
            norm += Math.exp(v - maxLogit);
        }
        double[] logPi = new double[c];
        double[] pi = new double[c];
        for (int k = 0; k < c; k++) {
            logPi[k] = lg[k] - maxLogit - Math.log(norm);
            pi[k] = Math.exp(logPi[k]);
        }
        double[] out = new double[n];
        double[][] gz = gradZ == null ? null : new double[n][l];
        double[] gLogits = new double[c];
        double[][] gMeans = new double[c][l];
        double[][] gLogVars = new double[c][l];
        double[] logJoint = new double[c];
        for (int r = 0; r < n; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) {
                double s = logPi[k] - 0.5 * l * LOG_2PI;
                for (int j = 0; j < l; j++) {
                    double d = zs[r][j] - mu[k][j];
                    s -= 0.5 * (lv[k][j] + d * d * Math.exp(-lv[k][j]));
                }
                logJoint[k] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int k = 0; k < c; k++) {
                sum += Math.exp(logJoint[k] - max);
            }
            double logP = max + Math.log(sum);
            out[r] = logP;
            if (gz == null && !parameterGradients) {
                continue;
            }
            double w = scale == null ? 1.0 : scale[r];
            for (int k = 0; k < c; k++) {
                double resp = Math.exp(logJoint[k] - logP);
                for (int j = 0; j < l; j++) {
                    double inv = Math.exp(-lv[k][j]);
                    double d = zs[r][j] - mu[k][j];
                    if (gz != null) {
                        gz[r][j] -= w * resp * d * inv;
                    }
                    if (parameterGradients) {
                        gMeans[k][j] += w * resp * d * inv;
                        gLogVars[k][j] += w * resp * 0.5 * (d * d * inv - 1);
                    }
                }
                if (parameterGradients) {
                    gLogits[k] += w * (resp - pi[k]);
                }
            }
        }
        if (gz != null) {
            gradZ.assign(Nd4j.createFromArray(gz).castTo(gradZ.dataType()));
        }
        if (parameterGradients) {
            logits.gradient().addi(Nd4j.createFromArray(gLogits).castTo(dataType).reshape(logits.gradient().shape()));
            means.gradient().addi(Nd4j.createFromArray(gMeans).castTo(dataType));
            logVars.gradient().addi(Nd4j.createFromArray(gLogVars).castTo(dataType));
        }
        return Nd4j.createFromArray(out).castTo(z.dataType());
    }

    /** Draws a component by its weight, then a code from it. */
    @Override
    public INDArray sample(long n, Random random) {
        int c = components;
        double[] lg = logits.value().castTo(DataType.DOUBLE).reshape(c).toDoubleVector();
        double max = Double.NEGATIVE_INFINITY;
        for (double v : lg) {
            max = Math.max(max, v);
        }
        double[] cdf = new double[c];
        double total = 0;
        for (int k = 0; k < c; k++) {
            total += Math.exp(lg[k] - max);
            cdf[k] = total;
        }
        INDArray u = Nd4j.createUninitialized(DataType.DOUBLE, n);
        Nd4j.getExecutioner().exec(new UniformDistribution(u, 0.0, 1.0), random);
        INDArray eps = Nd4j.createUninitialized(DataType.DOUBLE, n, latentDim);
        Nd4j.getExecutioner().exec(new GaussianDistribution(eps, 0.0, 1.0), random);
        double[][] mu = means.value().castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] lv = logVars.value().castTo(DataType.DOUBLE).toDoubleMatrix();
        double[] us = u.toDoubleVector();
        double[][] e = eps.toDoubleMatrix();
        double[][] out = new double[(int) n][latentDim];
        for (int r = 0; r < n; r++) {
            int k = 0;
            while (k < c - 1 && us[r] * total > cdf[k]) {
                k++;
            }
            for (int j = 0; j < latentDim; j++) {
                out[r][j] = mu[k][j] + Math.exp(0.5 * lv[k][j]) * e[r][j];
            }
        }
        return Nd4j.createFromArray(out).castTo(dataType);
    }

    @Override
    public String toString() {
        return "Mixture(C=" + components + ", L=" + latentDim + ")";
    }
}
