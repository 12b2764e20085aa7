package org.vae4j.plugins.gan;

import org.vae4j.api.Layer;
import org.vae4j.api.spi.ComponentKind;

/**
 * Maps a batch of data, as a model sees it ({@code [N, D]}, e.g. pixels in [-1, 1]), to one
 * logit per example, {@code [N, 1]}: the discriminator's score that the example is real rather
 * than generated. Providers of this kind fill a GAN's {@code discriminator} slot.
 */
@ComponentKind("discriminator")
public interface Discriminator extends Layer {
}
