package org.vae4j.plugins.mlp;

import java.util.List;
import org.vae4j.api.Decoder;
import org.vae4j.api.Layer;
import org.vae4j.engine.layers.Sequential;

/** An MLP from the latent code to the likelihood's parameters (logits, means, ...). */
public final class MlpDecoder extends Sequential implements Decoder {
    MlpDecoder(List<Layer> layers) {
        super(layers);
    }
}
