package org.vae4j.plugins.vae.prior;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vae4j.api.Encoder;
import org.vae4j.api.Parameter;
import org.vae4j.api.Pass;
import org.vae4j.api.Prior;

/**
 * The VampPrior (Tomczak and Welling, 2018): the mixture of the variational posteriors of K
 * learned pseudo-inputs, {@code p(z) = (1/K) sum_k q(z | u_k)}, with {@code q} the model's own
 * encoder. Each call runs the encoder on the pseudo-inputs with a pass of its own, so in a
 * training step the encoder runs twice (on the data and on the pseudo-inputs) and its gradients
 * from both add up. The gradient of {@code log p} reaches the components' means and
 * log-variances as in {@link MixturePrior} (equal weights), then flows back through the encoder
 * into its parameters and the pseudo-inputs {@code u} ({@code [K, D]}, the prior's one parameter).
 */
public final class VampPrior implements Prior {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private final Encoder encoder;
    private final int latentDim;
    private final int pseudoInputs;
    private final DataType dataType;
    private final Parameter inputs;
    private final Pass trainingPass = Pass.training();

    /**
     * @param encoder      the model's encoder, emitting {@code [2L]} (means, log-variances)
     * @param latentDim    L
     * @param pseudoInputs K
     * @param dimensions   D, the encoder's input width
     * @param dataType     the floating-point type
     * @param random       the stream of the initial pseudo-inputs (uniform in [0, 1])
     */
    public VampPrior(Encoder encoder, int latentDim, int pseudoInputs, long dimensions, DataType dataType,
                     Random random) {
        this.encoder = encoder;
        this.latentDim = latentDim;
        this.pseudoInputs = pseudoInputs;
        this.dataType = dataType;
        INDArray u = Nd4j.createUninitialized(dataType, pseudoInputs, dimensions);
        Nd4j.getExecutioner().exec(new UniformDistribution(u, 0.0, 1.0), random);
        this.inputs = new Parameter("pseudoInputs", u);
    }

    @Override
    public int latentDim() {
        return latentDim;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(inputs);
    }

    /** The components: the encoder's posteriors of the pseudo-inputs, {@code [K, 2L]}, as doubles. */
    private double[][] components(Pass pass) {
        return encoder.forward(inputs.value(), pass).castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    @Override
    public INDArray logProb(INDArray z) {
        return compute(z, components(Pass.inference()), null, null, null);
    }

    @Override
    public INDArray logProbGradient(INDArray z) {
        INDArray g = z.ulike();
        compute(z, components(Pass.inference()), null, g, null);
        return g;
    }

    @Override
    public INDArray logProbAndGradient(INDArray z, double scale, INDArray gradZ) {
        double[] w = new double[(int) z.size(0)];
        java.util.Arrays.fill(w, scale);
        return withParameterGradients(z, w, gradZ);
    }

    @Override
    public INDArray logProbAndGradient(INDArray z, INDArray rowScale, INDArray gradZ) {
        return withParameterGradients(z, rowScale.castTo(DataType.DOUBLE).reshape(rowScale.length()).toDoubleVector(),
                gradZ);
    }

    private INDArray withParameterGradients(INDArray z, double[] w, INDArray gradZ) {
        double[][] comps = components(trainingPass);
        double[][] gComps = new double[pseudoInputs][2 * latentDim];
        INDArray logP = compute(z, comps, w, gradZ, gComps);
        // through the encoder into its weights (which add to those of the data's pass) and the pseudo-inputs
        INDArray gh = Nd4j.createFromArray(gComps).castTo(dataType);
        INDArray gu = encoder.backward(gh, trainingPass, true);
        inputs.gradient().addi(gu);
        return logP;
    }

    /**
     * log p(z) per row; with {@code gradZ}, the weighted gradient for the codes; with
     * {@code gComps}, the weighted gradients for the components' means and log-variances.
     */
    private INDArray compute(INDArray z, double[][] comps, double[] scale, INDArray gradZ, double[][] gComps) {
        if (z.rank() != 2 || z.size(1) != latentDim) {
            throw new IllegalArgumentException("z must be [N, " + latentDim + "], got "
                    + java.util.Arrays.toString(z.shape()));
        }
        int n = (int) z.size(0);
        int l = latentDim;
        int k = pseudoInputs;
        double logK = Math.log(k);
        double[][] zs = z.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[] out = new double[n];
        double[][] gz = gradZ == null ? null : new double[n][l];
        double[] logJoint = new double[k];
        for (int r = 0; r < n; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double s = -logK - 0.5 * l * LOG_2PI;
                for (int j = 0; j < l; j++) {
                    double lv = comps[c][l + j];
                    double d = zs[r][j] - comps[c][j];
                    s -= 0.5 * (lv + d * d * Math.exp(-lv));
                }
                logJoint[c] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(logJoint[c] - max);
            }
            double logP = max + Math.log(sum);
            out[r] = logP;
            if (gz == null && gComps == null) {
                continue;
            }
            double w = scale == null ? 1.0 : scale[r];
            for (int c = 0; c < k; c++) {
                double resp = Math.exp(logJoint[c] - logP);
                for (int j = 0; j < l; j++) {
                    double lv = comps[c][l + j];
                    double inv = Math.exp(-lv);
                    double d = zs[r][j] - comps[c][j];
                    if (gz != null) {
                        gz[r][j] -= w * resp * d * inv;
                    }
                    if (gComps != null) {
                        gComps[c][j] += w * resp * d * inv;
                        gComps[c][l + j] += w * resp * 0.5 * (d * d * inv - 1);
                    }
                }
            }
        }
        if (gz != null) {
            gradZ.assign(Nd4j.createFromArray(gz).castTo(gradZ.dataType()));
        }
        return Nd4j.createFromArray(out).castTo(z.dataType());
    }

    /** Picks a pseudo-input uniformly, then draws from its posterior. */
    @Override
    public INDArray sample(long n, Random random) {
        double[][] comps = components(Pass.inference());
        INDArray u = Nd4j.createUninitialized(DataType.DOUBLE, n);
        Nd4j.getExecutioner().exec(new UniformDistribution(u, 0.0, 1.0), random);
        INDArray eps = Nd4j.createUninitialized(DataType.DOUBLE, n, latentDim);
        Nd4j.getExecutioner().exec(new GaussianDistribution(eps, 0.0, 1.0), random);
        double[] us = u.toDoubleVector();
        double[][] e = eps.toDoubleMatrix();
        double[][] out = new double[(int) n][latentDim];
        for (int r = 0; r < n; r++) {
            int c = Math.min(pseudoInputs - 1, (int) (us[r] * pseudoInputs));
            for (int j = 0; j < latentDim; j++) {
                out[r][j] = comps[c][j] + Math.exp(0.5 * comps[c][latentDim + j]) * e[r][j];
            }
        }
        return Nd4j.createFromArray(out).castTo(dataType);
    }

    @Override
    public String toString() {
        return "VampPrior(K=" + pseudoInputs + ", L=" + latentDim + ")";
    }
}
