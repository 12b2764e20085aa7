package org.vae4j.plugins.vae.objective;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.BetaSchedule;
import org.vae4j.api.Pass;
import org.vae4j.api.TrainingProgress;
import org.vae4j.api.data.Batch;
import org.vae4j.api.model.Metrics;
import org.vae4j.engine.layers.Scratch;
import org.vae4j.plugins.vae.DiagonalGaussian;
import org.vae4j.plugins.vae.VaeModel;
import org.vae4j.plugins.vae.conditional.ClassConditioned;
import org.vae4j.plugins.vae.posterior.PosteriorFlow;

/**
 * The importance-weighted autoencoder's bound (Burda et al., 2016) with K samples per example,
 * {@code L_K = E[log (1/K) sum_k w_k]}, {@code w_k = p(x|z_k) p(z_k) / q(z_k|x)}, and with
 * {@code average} the K-sample ELBO {@code (1/K) sum_k log w_k} instead (the same samples, uniform
 * weights). Both are minimized as their negative, averaged over the batch.
 *
 * <p>The gradient is the usual reparameterized estimator: {@code -sum_k wn_k grad log w_k}, with
 * the normalized weights {@code wn = softmax_k(log w)} (uniform for the average). Through
 * {@code z_k = mu + sigma eps_k}, {@code log q(z_k|x) = -eps_k^2/2 - logVar/2 - log(2 pi)/2} has
 * gradient 0 for the mean and -1/2 for each log-variance, so a weighted step adds
 * {@code sum_k wn_k / 2} = 1/2 to every log-variance gradient, and the rest flows from the decoder
 * and the prior through z. Reported figures: {@code loss} is the bound; {@code reconstruction} and
 * {@code kl} are their averages over the K samples (Monte Carlo KL), so {@code neg_elbo} is the
 * K-sample ELBO, which the bound never exceeds. With a posterior flow, each z_k is pushed through it
 * and its log-determinant enters log q.
 */
public final class IwaeObjective implements VaeObjective {
    private final int samples;
    private final boolean average;
    private final BetaSchedule schedule;
    private final Scratch gradParams = new Scratch();

    /**
     * @param samples  K, >= 1
     * @param schedule null for the IWAE bound; for the K-sample ELBO (uniform weights), the
     *                 schedule of the KL's weight beta
     */
    public IwaeObjective(int samples, BetaSchedule schedule) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        this.samples = samples;
        this.average = schedule != null;
        this.schedule = schedule;
    }

    @Override
    public double beta(TrainingProgress progress) {
        return average ? schedule.beta(progress) : 1.0;
    }

    @Override
    public String name() {
        return average ? "elbo" : "iwae";
    }

    @Override
    public boolean variational() {
        return true;
    }

    @Override
    public Metrics trainStep(VaeModel m, Batch batch, double beta, Random random) {
        Pass pass = m.trainingPass();
        int n = Math.toIntExact(batch.size());
        int k = samples;
        int l = m.latentDim();
        INDArray h = m.encoder().forward(batch.input(), pass);
        INDArray mu = m.mean(h).dup();
        INDArray lv = m.logVar(h).dup();
        INDArray sd = lv.mul(0.5);
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Exp(sd, sd));
        // rows example-major: row i * k + j is sample j of example i
        INDArray eps = Nd4j.createUninitialized(h.dataType(), (long) n * k, l);
        Nd4j.getExecutioner().exec(new GaussianDistribution(eps, 0.0, 1.0), random);
        INDArray sdRep = sd.repeat(0, k);
        INDArray z = sdRep.mul(eps).addi(mu.repeat(0, k));
        PosteriorFlow.Flowed flowed = null;
        if (m.hasFlow()) {
            flowed = m.flow().forward(z);
            z = flowed.z();
        }
        INDArray target = batch.target().repeat(0, k);
        m.conditionDecoder(ClassConditioned.repeat(batch.labels(), k));
        INDArray params = m.decoderForward(z, target, pass);
        INDArray gParams = gradParams.like(params);
        INDArray logPx = m.likelihood().logProb(target, params).dup();
        INDArray logPz = m.prior().logProb(z).dup();
        INDArray logQ = DiagonalGaussian.logDensityOfDraw(lv.repeat(0, k), eps);
        if (flowed != null) {
            logQ.subi(flowed.logDet().reshape(logQ.length()));
        }
        double[] px = logPx.castTo(DataType.DOUBLE).toDoubleVector();
        double[] pz = logPz.castTo(DataType.DOUBLE).toDoubleVector();
        double[] q = logQ.castTo(DataType.DOUBLE).toDoubleVector();
        // normalized weights, scaled by -1/N: the loss is the batch mean of the negative bound
        double[] scale = new double[n * k];
        double bound = 0;
        double reconstruction = 0;
        double kl = 0;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, px[i * k + j] + pz[i * k + j] - q[i * k + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(px[i * k + j] + pz[i * k + j] - q[i * k + j] - max);
            }
            for (int j = 0; j < k; j++) {
                int r = i * k + j;
                double w = average ? 1.0 / k : Math.exp(px[r] + pz[r] - q[r] - max) / sum;
                scale[r] = -w / n;
                reconstruction -= px[r] / k;
                kl += (q[r] - pz[r]) / k;
            }
            bound -= average ? 0 : max + Math.log(sum) - Math.log(k);
        }
        // the K-sample ELBO weighs the KL by beta: the prior's and log q's gradients scale with it
        double b = average ? beta : 1.0;
        if (average) {
            bound = reconstruction + b * kl;
        }
        INDArray rowScale = Nd4j.createFromArray(scale).castTo(h.dataType()).reshape((long) n * k, 1);
        m.likelihood().logProbAndGradient(target, params, rowScale, gParams);
        INDArray gz = m.decoder().backward(gParams, pass, true).dup();
        // the prior's gradient with the same per-row weights (a learned prior's parameters get theirs)
        INDArray gPrior = z.ulike();
        m.prior().logProbAndGradient(z, b == 1.0 ? rowScale : rowScale.mul(b), gPrior);
        gz.addi(gPrior);
        if (flowed != null) {
            // log w = ... - log q(z_0) + logDet: logDet weighs like log p(z), by the row's scale times beta
            gz = m.flow().backward(flowed, gz, b == 1.0 ? rowScale : rowScale.mul(b));
        }
        // through z = mu + sd eps: d/dmu sums the samples, d/dlogVar adds eps sd / 2; log q adds 1/2 per row
        INDArray gMu = gz.reshape(n, k, l).sum(1);
        INDArray gLv = gz.mul(eps).muli(sdRep).muli(0.5).reshape(n, k, l).sum(1).addi(-0.5 * b / n);
        INDArray gh = h.ulike();
        m.mean(gh).assign(gMu);
        m.logVar(gh).assign(gLv);
        m.encoder().backward(gh, pass, false);
        Metrics out = new Metrics().sum("reconstruction", reconstruction, n).sum("kl", kl, n).sum(Metrics.LOSS, bound, n);
        return average ? out.set("beta", b) : out;
    }
}
