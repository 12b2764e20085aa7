/** What a VAE's training minimizes: the ELBO and a plain autoencoder's reconstruction loss, as providers. */
package org.vae4j.plugins.vae.objective;
