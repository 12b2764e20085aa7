package org.vae4j.api;

/**
 * Maps latent codes {@code [N, L]} to the parameters of p(x|z): {@code [N, P*D]} for a likelihood
 * with {@code P} parameters per data dimension, laid out parameter-major (see the package
 * documentation). The width it must produce is
 * {@link org.vae4j.api.spi.BuildContext#decoderOutputWidth()}.
 */
public interface Decoder extends Layer {
}
