package org.vae4j.plugins.zf;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vae4j.engine.model.VariationalAutoencoder;

/**
 * Seed 004's {@code VariationalAutoEncoder.forward}, {@code generate} and {@code reconstruct}
 * over an engine {@link VariationalAutoencoder} (for training, the engine's own step does the
 * forward and backward pass).
 */
public final class VaeFunctions {
    private VaeFunctions() {
    }

    /**
     * The outputs of a forward pass.
     *
     * @param logits the decoder's output (the likelihood's parameters) {@code [N, P*D]}
     * @param mean   the posterior means {@code [N, L]}
     * @param logVar the posterior log-variances {@code [N, L]}
     */
    public record Output(INDArray logits, INDArray mean, INDArray logVar) {
    }

    /**
     * Encodes, draws one z by {@link Reparameterization#sample} and decodes: stochastic, two
     * passes on the same x differ.
     *
     * @param vae    a variational model
     * @param x      encoder input {@code [N, D]}
     * @param random the stream of the noise
     * @return the logits and the posterior parameters
     */
    public static Output forward(VariationalAutoencoder vae, INDArray x, Random random) {
        if (!vae.isVariational()) {
            throw new IllegalArgumentException("an autoencoder has no posterior parameters; forward needs a VAE");
        }
        int l = vae.latentDim();
        INDArray h = vae.encoder().forward(x, false);
        INDArray mean = h.get(NDArrayIndex.all(), NDArrayIndex.interval(0, l)).dup();
        INDArray logVar = h.get(NDArrayIndex.all(), NDArrayIndex.interval(l, 2L * l)).dup();
        INDArray z = Reparameterization.sample(mean, logVar, random).z();
        return new Output(vae.decode(z), mean, logVar);
    }

    /**
     * Seed 004's {@code generate}: draws z from N(mean, exp(logVar)) and decodes it to a picture.
     *
     * @param vae    the model
     * @param mean   {@code [N, L]}
     * @param logVar {@code [N, L]}
     * @param random the stream of the noise
     * @return intensities in [0, 1], {@code [N, D]}
     */
    public static INDArray generate(VariationalAutoencoder vae, INDArray mean, INDArray logVar, Random random) {
        INDArray z = Reparameterization.sample(mean, logVar, random).z();
        return vae.likelihood().toIntensities(vae.decode(z));
    }
}
