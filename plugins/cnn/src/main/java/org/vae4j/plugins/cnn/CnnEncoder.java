package org.vae4j.plugins.cnn;

import java.util.List;
import org.vae4j.api.Encoder;
import org.vae4j.api.Layer;
import org.vae4j.engine.layers.Sequential;

/** Convolutions from the flattened images {@code [N, C*H*W]} to the posterior parameters. */
public final class CnnEncoder extends Sequential implements Encoder {
    CnnEncoder(List<Layer> layers) {
        super(layers);
    }
}
