package org.vae4j.plugins.gan.discriminator;

import java.util.List;
import org.vae4j.api.Layer;
import org.vae4j.engine.layers.Sequential;
import org.vae4j.plugins.gan.Discriminator;

/** A discriminator that is a chain of layers. */
public final class SequentialDiscriminator extends Sequential implements Discriminator {
    /** @param layers from the data to one output per example */
    public SequentialDiscriminator(List<? extends Layer> layers) {
        super(layers);
    }
}
