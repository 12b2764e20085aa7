package org.vae4j.plugins.vae.posterior;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vae4j.api.Parameter;
import org.vae4j.engine.layers.OffHeap;

/**
 * K inverse autoregressive flow steps (Kingma et al. 2016), each a MADE network (Germain et al.
 * 2015) over the codes, in the paper's numerically stable form: {@code [m, s] = MADE(z)},
 * {@code σ = sigmoid(s)}, {@code z' = σ ⊙ z + (1 - σ) ⊙ m}, {@code log |det| = sum log σ}. The
 * masks make output j depend on the inputs before j only, so the Jacobian is triangular with
 * σ on its diagonal. The order of the codes is reversed between steps (a permutation: no
 * determinant), so every dimension is conditioned on every other after two steps.
 *
 * <p>MADE: {@code L -> hidden... -> 2L}, tanh between masked dense layers; hidden unit k of a layer
 * has degree {@code (k mod max(1, L-1)) + 1}, input i degree {@code i + 1}; a connection is kept
 * if the unit's degree is at least its input's (hidden) or greater (outputs). The parameters are
 * shared by all examples (not conditioned on x). Initialization: PyTorch's uniform for the hidden
 * layers, the output layer's weights at 1/100 of it and its s-biases at 2, so each step starts
 * near {@code z' = 0.88 z}: close to the identity.
 */
public final class InverseAutoregressiveFlow implements PosteriorFlow {
    private static final double OUTPUT_SCALE = 0.01;
    private static final double GATE_BIAS = 2.0;
    private final int steps;
    private final int latent;
    private final int[] hidden;
    /** Per step, per layer: weight [out, in], its mask, bias [1, out]. */
    private final List<List<Parameter>> weights = new ArrayList<>();
    private final List<List<Parameter>> biases = new ArrayList<>();
    private final List<INDArray> masks = new ArrayList<>();
    private final List<Parameter> all = new ArrayList<>();
    /** The [L, L] anti-diagonal permutation that reverses the codes between steps. */
    private final INDArray reversal;

    /**
     * @param steps     K, at least 1
     * @param hidden    the MADE's hidden widths, at least one layer
     * @param latentDim L
     * @param dataType  the model's floating-point type
     * @param random    the stream of the initial weights
     */
    public InverseAutoregressiveFlow(int steps, int[] hidden, int latentDim, DataType dataType, Random random) {
        if (steps < 1 || hidden.length < 1) {
            throw new IllegalArgumentException("an IAF needs at least one step and one hidden layer");
        }
        this.steps = steps;
        this.latent = latentDim;
        this.hidden = hidden.clone();
        double[][] anti = new double[latentDim][latentDim];
        for (int j = 0; j < latentDim; j++) {
            anti[j][latentDim - 1 - j] = 1;
        }
        this.reversal = Nd4j.createFromArray(anti).castTo(dataType);
        int[] widths = new int[hidden.length + 2];
        widths[0] = latentDim;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = 2 * latentDim;
        int[][] degrees = new int[widths.length][];
        for (int layer = 0; layer < widths.length; layer++) {
            degrees[layer] = new int[widths[layer]];
            for (int k = 0; k < widths[layer]; k++) {
                boolean inner = layer > 0 && layer < widths.length - 1;
                // inputs and outputs (both halves) have degree j + 1 for dimension j
                degrees[layer][k] = inner ? (k % Math.max(1, latentDim - 1)) + 1 : (k % latentDim) + 1;
            }
        }
        for (int layer = 1; layer < widths.length; layer++) {
            boolean output = layer == widths.length - 1;
            double[][] mask = new double[widths[layer]][widths[layer - 1]];
            for (int k = 0; k < widths[layer]; k++) {
                for (int i = 0; i < widths[layer - 1]; i++) {
                    int dk = degrees[layer][k];
                    int di = degrees[layer - 1][i];
                    mask[k][i] = (output ? dk > di : dk >= di) ? 1 : 0;
                }
            }
            masks.add(Nd4j.createFromArray(mask).castTo(dataType));
        }
        for (int t = 0; t < steps; t++) {
            List<Parameter> ws = new ArrayList<>();
            List<Parameter> bs = new ArrayList<>();
            for (int layer = 1; layer < widths.length; layer++) {
                boolean output = layer == widths.length - 1;
                double bound = 1 / Math.sqrt(widths[layer - 1]) * (output ? OUTPUT_SCALE : 1);
                INDArray w = Nd4j.createUninitialized(dataType, widths[layer], widths[layer - 1]);
                Nd4j.getExecutioner().exec(new UniformDistribution(w, -bound, bound), random);
                w.muli(masks.get(layer - 1));
                INDArray b = Nd4j.zeros(dataType, 1, widths[layer]);
                if (output) {
                    b.get(NDArrayIndex.all(), NDArrayIndex.interval(latentDim, 2L * latentDim)).assign(GATE_BIAS);
                } else {
                    Nd4j.getExecutioner().exec(new UniformDistribution(b, -bound, bound), random);
                }
                ws.add(new Parameter("step" + t + ".weight" + (layer - 1), w));
                bs.add(new Parameter("step" + t + ".bias" + (layer - 1), b));
            }
            weights.add(ws);
            biases.add(bs);
            for (int i = 0; i < ws.size(); i++) {
                all.add(ws.get(i));
                all.add(bs.get(i));
            }
        }
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public List<Parameter> parameters() {
        return all;
    }

    /** What one step's backward pass needs: its input, each layer's activation, m and σ. */
    private record Step(INDArray zIn, List<INDArray> activations, INDArray m, INDArray sigma) {
    }

    /** The MADE's outputs for step t: {@code [N, 2L]}, m then s; fills {@code activations}. */
    INDArray made(int t, INDArray z, List<INDArray> activations) {
        INDArray a = z;
        int layers = masks.size();
        for (int layer = 0; layer < layers; layer++) {
            INDArray w = weights.get(t).get(layer).value().mul(masks.get(layer));
            INDArray pre = a.mmul(w.transpose()).addiRowVector(biases.get(t).get(layer).value());
            OffHeap.free(w);
            a = layer < layers - 1 ? Transforms.tanh(pre, false) : pre;
            if (activations != null && layer < layers - 1) {
                activations.add(a);
            }
        }
        return a;
    }

    /**
     * @return {@code a} with its columns in reverse order (a new array): one product with the
     *         anti-diagonal permutation, exact in any precision, instead of a copy per column
     */
    private INDArray reverse(INDArray a) {
        return a.mmul(reversal);
    }

    @Override
    public Flowed forward(INDArray z0) {
        List<Step> cache = new ArrayList<>(steps);
        INDArray z = z0;
        INDArray logDet = Nd4j.zeros(z0.dataType(), z0.size(0), 1);
        for (int t = 0; t < steps; t++) {
            if (t > 0) {
                INDArray unreversed = z;
                z = reverse(z);
                // only the reversed codes are kept for the backward pass
                OffHeap.free(unreversed);
            }
            List<INDArray> acts = new ArrayList<>();
            INDArray out = made(t, z, acts);
            INDArray m = out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latent)).dup();
            INDArray sigma = Transforms.sigmoid(out.get(NDArrayIndex.all(), NDArrayIndex.interval(latent, 2L * latent)),
                    true);
            cache.add(new Step(z, acts, m, sigma));
            // z' = σ z + (1 - σ) m = m + σ (z - m)
            z = z.sub(m).muli(sigma).addi(m);
            INDArray logSigma = Transforms.log(sigma, true);
            INDArray rows = logSigma.sum(true, 1);
            logDet.addi(rows);
            OffHeap.free(out, logSigma, rows);
        }
        return new Flowed(z, logDet, cache);
    }

    @Override
    @SuppressWarnings("unchecked")
    public INDArray backward(Flowed pass, INDArray gz, INDArray gLogDet) {
        List<Step> cache = (List<Step>) pass.cache();
        INDArray g = gz.dup();
        int layers = masks.size();
        for (int t = steps - 1; t >= 0; t--) {
            Step s = cache.get(t);
            INDArray sigma = s.sigma();
            // dLoss/dσ: through z' (z - m) and through log σ (1/σ); then through σ = sigmoid(s)
            INDArray gSigma = g.mul(s.zIn().sub(s.m())).addi(Transforms.pow(sigma, -1, true).muliColumnVector(gLogDet));
            INDArray gS = gSigma.muli(sigma).muli(sigma.rsub(1));
            INDArray gM = g.mul(sigma.rsub(1));
            INDArray gOut = Nd4j.hstack(gM, gS);
            INDArray gIn = g.mul(sigma);
            for (int layer = layers - 1; layer >= 0; layer--) {
                INDArray input = layer == 0 ? s.zIn() : s.activations().get(layer - 1);
                INDArray mask = masks.get(layer);
                weights.get(t).get(layer).gradient().addi(gOut.transpose().mmul(input).muli(mask));
                biases.get(t).get(layer).gradient().addi(gOut.sum(true, 0));
                INDArray gA = gOut.mmul(weights.get(t).get(layer).value().mul(mask));
                if (layer > 0) {
                    INDArray act = s.activations().get(layer - 1);
                    gOut = gA.muli(act.mul(act).rsubi(1));
                } else {
                    gIn.addi(gA);
                }
            }
            g = t > 0 ? reverse(gIn) : gIn;
        }
        return g;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void release(Flowed pass) {
        List<Step> cache = (List<Step>) pass.cache();
        for (int t = 0; t < cache.size(); t++) {
            Step s = cache.get(t);
            // step 0's input is the caller's
            OffHeap.free(t > 0 ? s.zIn() : null, s.m(), s.sigma());
            s.activations().forEach(OffHeap::free);
        }
        OffHeap.free(pass.z(), pass.logDet());
    }

    @Override
    public String describe() {
        return "inverse autoregressive flow, " + steps + " step" + (steps == 1 ? "" : "s") + ", MADE "
                + latent + " -> " + java.util.Arrays.toString(hidden) + " -> " + 2 * latent;
    }
}
