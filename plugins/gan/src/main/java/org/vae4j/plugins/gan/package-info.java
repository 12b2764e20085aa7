/**
 * The GAN model family of seed 003 ({@code "model": {"type": "gan"}}): a generator maps codes
 * drawn from the prior to data, a {@linkplain Discriminator discriminator} tells real data from
 * generated, and an {@linkplain org.vae4j.plugins.gan.loss.GanLoss adversarial loss} trains both,
 * each network with an optimizer of its own: k discriminator phases, then a generator phase, per
 * iteration. The generator is any {@link org.vae4j.api.Decoder} provider (mlp, cnn); the
 * discriminators and losses live in the subpackages.
 */
package org.vae4j.plugins.gan;
