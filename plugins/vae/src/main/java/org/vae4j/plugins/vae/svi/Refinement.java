package org.vae4j.plugins.vae.svi;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vae4j.api.Pass;
import org.vae4j.api.Prior;
import org.vae4j.api.data.Batch;
import org.vae4j.plugins.vae.VaeModel;

/**
 * Stochastic variational inference for one batch: the posterior parameters of each example
 * ({@code mu}, {@code logVar}, {@code [N, L]} each) are free variables, started from the encoder's
 * output or at random ({@code mu ~ N(0, I)}, {@code logVar = 0}) and moved by Adam, its learning
 * rate annealed linearly to 0, on the negative ELBO with one reparameterized sample per step, the
 * decoder, likelihood and prior held fixed.
 * The negative ELBO's gradient: through {@code z = mu + sigma eps} from the likelihood, plus the
 * closed-form KL's where the prior has one, else the Monte Carlo KL's ({@code -d log p(z)/dz}
 * through z, and -1/2 per log-variance from {@code log q}).
 */
public final class Refinement {
    private final VaeModel model;
    private final Pass pass = Pass.training();

    /** @param model a variational model */
    public Refinement(VaeModel model) {
        if (!model.isVariational()) {
            throw new IllegalArgumentException("a plain autoencoder has no posterior to refine");
        }
        this.model = model;
    }

    /**
     * The posterior the encoder gives a batch.
     *
     * @param batch the examples
     * @return {@code [N, 2L]}: means, then log-variances
     */
    public INDArray encoded(Batch batch) {
        model.condition(batch.labels());
        INDArray h = model.encoder().forward(batch.input(), Pass.inference());
        return Nd4j.hstack(model.mean(h), model.logVar(h)).castTo(DataType.DOUBLE);
    }

    /**
     * A random start: {@code mu ~ N(0, I)}, {@code logVar = 0}.
     *
     * @param n      examples
     * @param random the stream
     * @return {@code [N, 2L]}
     */
    public INDArray random(long n, Random random) {
        int l = model.latentDim();
        INDArray phi = Nd4j.zeros(DataType.DOUBLE, n, 2L * l);
        INDArray mu = Nd4j.createUninitialized(DataType.DOUBLE, n, l);
        Nd4j.getExecutioner().exec(new GaussianDistribution(mu, 0.0, 1.0), random);
        phi.get(NDArrayIndex.all(), NDArrayIndex.interval(0, l)).assign(mu);
        return phi;
    }

    /**
     * Refines the posterior parameters in place.
     *
     * @param batch the examples
     * @param phi   {@code [N, 2L]} DOUBLE: means, then log-variances; updated
     * @param steps Adam steps
     * @param lr    Adam's learning rate
     * @param noise the stream of the reparameterization noise
     */
    public void refine(Batch batch, INDArray phi, int steps, double lr, Random noise) {
        model.condition(batch.labels());
        int l = model.latentDim();
        long n = phi.size(0);
        INDArray grad = phi.ulike();
        int size = (int) phi.length();
        double[] m1 = new double[size];
        double[] m2 = new double[size];
        DataType type = model.dataType();
        for (int s = 0; s < steps; s++) {
            INDArray mu = phi.get(NDArrayIndex.all(), NDArrayIndex.interval(0, l));
            INDArray lv = phi.get(NDArrayIndex.all(), NDArrayIndex.interval(l, 2 * l));
            INDArray sd = Transforms.exp(lv.mul(0.5), false);
            INDArray eps = Nd4j.createUninitialized(type, n, l);
            Nd4j.getExecutioner().exec(new GaussianDistribution(eps, 0.0, 1.0), noise);
            INDArray e = eps.castTo(DataType.DOUBLE);
            INDArray z = sd.mul(e).addi(mu);
            INDArray params = model.decoderForward(z.castTo(type), batch.target(), pass);
            INDArray gParams = params.ulike();
            // the negative ELBO of each example, not averaged: the examples are independent
            model.likelihood().logProbAndGradient(batch.target(), params, -1.0, gParams);
            INDArray gz = model.decoder().backward(gParams, pass, true).castTo(DataType.DOUBLE);
            INDArray gMu = grad.get(NDArrayIndex.all(), NDArrayIndex.interval(0, l));
            INDArray gLv = grad.get(NDArrayIndex.all(), NDArrayIndex.interval(l, 2 * l));
            Prior prior = model.prior();
            if (prior.hasClosedFormKl()) {
                // the prior works in the model's type, the refinement in doubles
                INDArray gm = Nd4j.createUninitialized(type, n, l);
                INDArray gl = Nd4j.createUninitialized(type, n, l);
                prior.klDivergence(mu.castTo(type), lv.castTo(type), 1.0, gm, gl);
                gMu.assign(gz).addi(gm.castTo(DataType.DOUBLE));
                gLv.assign(gz.mul(e).muli(sd).muli(0.5)).addi(gl.castTo(DataType.DOUBLE));
            } else {
                gz.subi(prior.logProbGradient(z.castTo(type)).castTo(DataType.DOUBLE));
                gMu.assign(gz);
                gLv.assign(gz.mul(e).muli(sd).muli(0.5)).subi(0.5);
            }
            // Adam with its learning rate annealed linearly to 0, so the noisy one-sample steps settle
            double rate = lr * (1.0 - (double) s / steps);
            double[] p = phi.reshape(size).toDoubleVector();
            double[] g = grad.reshape(size).toDoubleVector();
            double c1 = 1 - Math.pow(0.9, s + 1);
            double c2 = 1 - Math.pow(0.999, s + 1);
            for (int i = 0; i < size; i++) {
                m1[i] = 0.9 * m1[i] + 0.1 * g[i];
                m2[i] = 0.999 * m2[i] + 0.001 * g[i] * g[i];
                p[i] -= rate * (m1[i] / c1) / (Math.sqrt(m2[i] / c2) + 1e-8);
            }
            phi.assign(Nd4j.createFromArray(p).reshape(phi.shape()));
        }
        // the decoder's parameter gradients gathered on the way are not the model's to keep
        model.decoder().parameters().forEach(p -> p.gradient().assign(0));
    }

    /**
     * The negative ELBO of each example under the given posterior: the reconstruction averaged
     * over {@code samples} draws, plus the closed-form KL (or the Monte Carlo KL over the same draws).
     *
     * @param batch   the examples
     * @param phi     {@code [N, 2L]}: means, then log-variances
     * @param samples draws per example
     * @param random  the stream of the draws
     * @return {@code [N]} in nats
     */
    public INDArray negativeElbo(Batch batch, INDArray phi, int samples, Random random) {
        model.condition(batch.labels());
        int l = model.latentDim();
        DataType type = model.dataType();
        INDArray mu = phi.get(NDArrayIndex.all(), NDArrayIndex.interval(0, l)).castTo(type);
        INDArray lv = phi.get(NDArrayIndex.all(), NDArrayIndex.interval(l, 2 * l)).castTo(type);
        INDArray sd = Transforms.exp(lv.mul(0.5), false);
        long n = phi.size(0);
        INDArray total = Nd4j.zeros(DataType.DOUBLE, n);
        Prior prior = model.prior();
        for (int s = 0; s < samples; s++) {
            INDArray eps = Nd4j.createUninitialized(type, n, l);
            Nd4j.getExecutioner().exec(new GaussianDistribution(eps, 0.0, 1.0), random);
            INDArray z = sd.mul(eps).addi(mu);
            INDArray params = model.decoderForward(z, batch.target(), Pass.inference());
            INDArray term = model.likelihood().logProb(batch.target(), params).neg();
            if (!prior.hasClosedFormKl()) {
                term.addi(model.logPosterior(lv, eps)).subi(prior.logProb(z));
            }
            total.addi(term.castTo(DataType.DOUBLE));
        }
        total.divi(samples);
        if (prior.hasClosedFormKl()) {
            total.addi(prior.klDivergence(mu, lv, 1.0, null, null).castTo(DataType.DOUBLE));
        }
        return total;
    }

    /**
     * @param phi {@code [N, 2L]}
     * @return the means, {@code [N, L]}, in the model's type
     */
    public INDArray means(INDArray phi) {
        return phi.get(NDArrayIndex.all(), NDArrayIndex.interval(0, model.latentDim())).castTo(model.dataType());
    }

    /**
     * @param phi {@code [N, 2L]}
     * @return the log-variances, {@code [N, L]}, in the model's type
     */
    public INDArray logVariances(INDArray phi) {
        int l = model.latentDim();
        return phi.get(NDArrayIndex.all(), NDArrayIndex.interval(l, 2 * l)).castTo(model.dataType());
    }
}
