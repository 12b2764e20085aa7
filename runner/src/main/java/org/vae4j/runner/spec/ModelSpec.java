package org.vae4j.runner.spec;

/**
 * {@code "model"}: the latent size and the four components.
 *
 * @param latentDim  L
 * @param encoder    the encoder
 * @param decoder    the decoder
 * @param prior      the prior
 * @param likelihood the likelihood
 */
public record ModelSpec(int latentDim, ComponentSpec encoder, ComponentSpec decoder, ComponentSpec prior,
                        ComponentSpec likelihood) {
}
