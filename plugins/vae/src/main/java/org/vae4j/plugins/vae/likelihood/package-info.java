/**
 * The built-in observation models p(x|z): {@code bernoulli} (logits, for binary or [0, 1] data),
 * {@code gaussian} (fixed or learned per-dimension sigma), {@code categorical} (K levels per
 * dimension, e.g. 4-bit pixels) and {@code mse} (squared error summed over dimensions, an
 * autoencoder's reconstruction loss); and seed 004's four output assumptions under its names:
 * {@code gauss} (standardised targets), {@code truncated} (a Gaussian truncated to [0, 1]),
 * {@code binomial} (the bernoulli likelihood under seed 004's name) and {@code binary}
 * (thresholded targets).
 *
 * <p>Every likelihood here is stateful for speed: it keeps scratch arrays sized for the last batch
 * and re-allocates them only when the batch size or data type changes. An instance therefore must
 * not be used by two threads at once, and the array {@code logProbAndGradient} returns is one of
 * those scratch arrays, overwritten by the next call.
 */
package org.vae4j.plugins.vae.likelihood;
