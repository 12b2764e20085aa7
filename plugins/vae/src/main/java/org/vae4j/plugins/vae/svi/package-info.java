/**
 * Stochastic variational inference on a trained VAE ({@code vae4j refine}): per-example
 * posterior parameters optimized by gradient ascent on the ELBO with the decoder fixed, from the
 * encoder's output or from a random start, to measure the amortization gap (Cremer et al., 2018).
 */
package org.vae4j.plugins.vae.svi;
