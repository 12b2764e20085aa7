package org.vae4j.plugins.vae.objective;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.rng.Random;
import org.vae4j.api.BetaSchedule;
import org.vae4j.api.Pass;
import org.vae4j.api.TrainingProgress;
import org.vae4j.api.Prior;
import org.vae4j.api.data.Batch;
import org.vae4j.api.model.Metrics;
import org.vae4j.engine.layers.Scratch;
import org.vae4j.plugins.vae.VaeModel;

/**
 * The negative ELBO averaged over the batch and summed over dimensions, as the seeds define it:
 * {@code 1/N sum_n [ -log p(x_n | z_n) + beta * KL(q(z|x_n) || p(z)) ]} with one reparameterized
 * sample {@code z_n = mean + exp(logVar / 2) * eps}, eps ~ N(0, I). The KL is the prior's closed
 * form when it has one, otherwise the single-sample Monte Carlo estimate
 * {@code log q(z_n) - log p(z_n)}, whose gradient also reaches a learned prior's parameters; with
 * a {@linkplain org.vae4j.plugins.vae.posterior.PosteriorFlow flow} always the latter, with the
 * flow's log-determinant in {@code log q}.
 */
public final class ElboObjective implements VaeObjective {
    private final BetaSchedule schedule;
    private final Scratch gradParams = new Scratch();
    private final Scratch gradEncoder = new Scratch();
    private final Scratch gradPrior = new Scratch();

    /** @param schedule the KL weight by training progress */
    public ElboObjective(BetaSchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public String name() {
        return "elbo";
    }

    @Override
    public double beta(TrainingProgress progress) {
        return schedule.beta(progress);
    }

    @Override
    public boolean variational() {
        return true;
    }

    @Override
    public Metrics trainStep(VaeModel m, Batch batch, double beta, Random random) {
        Pass pass = m.trainingPass();
        long n = batch.size();
        INDArray h = m.encoder().forward(batch.input(), pass);
        VaeModel.Draw draw = m.sampleCode(h, random);
        INDArray params = m.decoderForward(draw.z(), batch.target(), pass);
        INDArray gParams = gradParams.like(params);
        // loss = -1/N sum log p, so the likelihood's gradient is scaled by -1/N
        double reconstruction = -m.likelihood().logProbAndGradient(batch.target(), params, -1.0 / n, gParams)
                .sumNumber().doubleValue();
        INDArray gz = m.decoder().backward(gParams, pass, true);
        INDArray gh = gradEncoder.like(h);
        INDArray gMean = m.mean(gh);
        INDArray gLogVar = m.logVar(gh);
        double kl;
        double w = beta / n;
        Prior prior = m.prior();
        if (prior.hasClosedFormKl() && !m.hasFlow()) {
            kl = prior.klDivergence(m.mean(h), m.logVar(h), w, gMean, gLogVar).sumNumber().doubleValue();
        } else {
            // KL ~ log q(z) - log p(z): log q in terms of eps is -eps^2/2 - logVar/2 - const, so
            // its gradient is -1/2 on logVar; -log p(z) flows into z like the reconstruction
            INDArray gp = gradPrior.like(draw.z());
            INDArray logP = prior.logProbAndGradient(draw.z(), -w, gp);
            INDArray logQ = m.logPosterior(m.logVar(h), draw.eps());
            gz.addi(gp);
            if (draw.flow() != null) {
                // a flow's log q(z_K) = log q(z_0) - logDet: the loss weighs logDet by -beta/N, and
                // everything that reached z_K goes back through the flow to z_0
                logQ.subi(draw.flow().logDet().reshape(logQ.length()));
                INDArray gLogDet = Nd4j.valueArrayOf(new long[] {n, 1}, -w, draw.z().dataType());
                gz = m.flow().backward(draw.flow(), gz, gLogDet);
            }
            kl = logQ.subi(logP).sumNumber().doubleValue();
            gMean.assign(0);
            gLogVar.assign(-0.5 * w);
        }
        m.backwardThroughDraw(draw, gz, gMean, gLogVar);
        m.encoder().backward(gh, pass, false);
        return m.figures(reconstruction, kl, beta, n);
    }
}
