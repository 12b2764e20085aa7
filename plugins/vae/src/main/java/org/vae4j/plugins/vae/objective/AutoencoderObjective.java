package org.vae4j.plugins.vae.objective;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.vae4j.api.Pass;
import org.vae4j.api.data.Batch;
import org.vae4j.api.model.Metrics;
import org.vae4j.engine.layers.Scratch;
import org.vae4j.plugins.vae.VaeModel;

/**
 * A plain autoencoder's loss: the encoder emits the code z itself and the loss is the
 * reconstruction term alone, {@code -1/N sum_n log p(x_n | z_n)} (with the {@code mse} likelihood,
 * seed 002's squared error summed over pixels and averaged over the batch).
 */
public final class AutoencoderObjective implements VaeObjective {
    private final Scratch gradParams = new Scratch();

    @Override
    public String name() {
        return "autoencoder";
    }

    @Override
    public boolean variational() {
        return false;
    }

    @Override
    public Metrics trainStep(VaeModel m, Batch batch, double beta, Random random) {
        Pass pass = m.trainingPass();
        long n = batch.size();
        INDArray code = m.encoder().forward(batch.input(), pass);
        INDArray params = m.decoderForward(code, batch.target(), pass);
        INDArray gParams = gradParams.like(params);
        double reconstruction = -m.likelihood().logProbAndGradient(batch.target(), params, -1.0 / n, gParams)
                .sumNumber().doubleValue();
        INDArray gz = m.decoder().backward(gParams, pass, true);
        m.encoder().backward(gz, pass, false);
        return m.figures(reconstruction, 0, beta, n);
    }
}
