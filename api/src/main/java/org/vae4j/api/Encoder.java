package org.vae4j.api;

/**
 * Maps data {@code [N, D]} to the parameters of the approximate posterior q(z|x).
 *
 * <p>For a variational autoencoder the output is {@code [N, 2*L]}: the posterior means in the
 * first {@code L} columns and the log-variances in the next {@code L}. For a plain autoencoder it
 * is the deterministic code {@code [N, L]}. The width an encoder must produce is
 * {@link org.vae4j.api.spi.BuildContext#encoderOutputWidth()}.
 */
public interface Encoder extends Layer {
}
