/**
 * The built-in discriminators: {@code mlp} (torch_gan.py's MLP discriminator by default) and
 * {@code cnn} (its DCGAN discriminator by default), built from the engine's layers.
 */
package org.vae4j.plugins.gan.discriminator;
