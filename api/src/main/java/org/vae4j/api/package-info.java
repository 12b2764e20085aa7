/**
 * The contracts of vae4j: a {@link org.vae4j.api.Layer} with its explicit backward pass and
 * {@link org.vae4j.api.Pass}, and what the components of a variational autoencoder must do: an
 * {@link org.vae4j.api.Encoder}, {@link org.vae4j.api.Decoder}, {@link org.vae4j.api.Prior},
 * {@link org.vae4j.api.Likelihood} and {@link org.vae4j.api.BetaSchedule}, so that any combination
 * of them trains. Models in general are in {@code org.vae4j.api.model}, the provider SPI in
 * {@code org.vae4j.api.spi}.
 *
 * <p>Conventions shared by every contract:
 * <ul>
 *   <li>A batch is a 2-D array {@code [N, D]}: one row per example, the example flattened in
 *       C order (channels, then rows, then columns). The per-example shape is given by
 *       {@link org.vae4j.api.spi.BuildContext#dataShape()}.</li>
 *   <li>The parameters of a distribution over {@code D} dimensions with {@code P} parameters per
 *       dimension are a {@code [N, P*D]} array laid out parameter-major: the first {@code D}
 *       columns are parameter 0 of every dimension, the next {@code D} parameter 1, and so on.
 *       A convolutional decoder emitting {@code [N, P, H, W]} and flattening it in C order
 *       produces exactly this layout.</li>
 *   <li>Log-probabilities are in nats, summed over the dimensions of one example.</li>
 * </ul>
 */
package org.vae4j.api;
