/**
 * The VAE's posterior q(z|x): the encoder's diagonal Gaussian ({@code gaussian}) or that Gaussian
 * pushed through a normalizing flow ({@code planar}), a provider kind of its own so a plugin can
 * add another flow.
 */
package org.vae4j.plugins.vae.posterior;
