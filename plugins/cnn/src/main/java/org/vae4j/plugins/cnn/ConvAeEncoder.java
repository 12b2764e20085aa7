package org.vae4j.plugins.cnn;

import java.util.List;
import org.vae4j.api.Encoder;
import org.vae4j.api.Layer;
import org.vae4j.engine.layers.Sequential;

/** Seed 004's convolutional encoder: two convolutions around an average pooling (see {@link ConvAe}). */
public final class ConvAeEncoder extends Sequential implements Encoder {
    ConvAeEncoder(List<Layer> layers) {
        super(layers);
    }
}
