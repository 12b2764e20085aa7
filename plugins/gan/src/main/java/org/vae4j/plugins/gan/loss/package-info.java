/**
 * Adversarial losses, the {@code "loss"} slot of a GAN: {@code non-saturating} (the default, and
 * torch_gan.py's), {@code minimax} (Goodfellow et al.'s original generator loss) and
 * {@code least-squares} (Mao et al., LSGAN).
 */
package org.vae4j.plugins.gan.loss;
