package org.vae4j.plugins.cnn;

import java.util.List;
import org.vae4j.api.Decoder;
import org.vae4j.api.Layer;
import org.vae4j.engine.layers.Sequential;

/** Seed 004's convolutional decoder: the encoder mirrored, upsampling in place of pooling, logits out. */
public final class ConvAeDecoder extends Sequential implements Decoder {
    ConvAeDecoder(List<Layer> layers) {
        super(layers);
    }
}
