/**
 * The contracts of vae4j: what an {@link org.vae4j.api.Encoder}, {@link org.vae4j.api.Decoder},
 * {@link org.vae4j.api.Prior}, {@link org.vae4j.api.Likelihood} and
 * {@link org.vae4j.api.BetaSchedule} must do, so that the engine can train any combination of them.
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
