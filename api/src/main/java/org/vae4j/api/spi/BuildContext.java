package org.vae4j.api.spi;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.rng.Random;

/** What a component being built must fit. Sizes are per example, without the batch dimension. */
public interface BuildContext {

    /** @return the shape of one data example, e.g. {@code {1, 28, 28}} (channels, height, width) */
    long[] dataShape();

    /** @return D, the number of values in one flattened example */
    default long dataDimensions() {
        long d = 1;
        for (long s : dataShape()) {
            d *= s;
        }
        return d;
    }

    /** @return L, the size of the latent code */
    int latentDim();

    /** @return the width the encoder must output: {@code 2*L} for a VAE, {@code L} for an autoencoder */
    int encoderOutputWidth();

    /**
     * @return P, the likelihood's parameters per data dimension
     * @throws IllegalStateException while the likelihood itself is being built (it is built first)
     */
    int likelihoodParameters();

    /** @return the width the decoder must output: {@code P * D} */
    default long decoderOutputWidth() {
        return likelihoodParameters() * dataDimensions();
    }

    /** @return the floating-point type of parameters and activations */
    DataType dataType();

    /** @return the random stream for initial parameter values, seeded from the spec */
    Random random();
}
