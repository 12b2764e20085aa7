package org.vae4j.plugins.mlp;

import java.util.List;
import org.vae4j.api.Encoder;
import org.vae4j.api.Layer;
import org.vae4j.engine.layers.Sequential;

/** An MLP from the flattened data to the posterior parameters. */
public final class MlpEncoder extends Sequential implements Encoder {
    MlpEncoder(List<Layer> layers) {
        super(layers);
    }
}
