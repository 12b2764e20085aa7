/**
 * The VAE model family ({@code "model": {"type": "vae"}}, the default): variational and plain
 * autoencoders from an encoder, a decoder, a prior, a likelihood and an objective, each a provider
 * a spec names. The built-in likelihoods, priors, beta schedules and objectives live in the
 * subpackages.
 */
package org.vae4j.plugins.vae;
