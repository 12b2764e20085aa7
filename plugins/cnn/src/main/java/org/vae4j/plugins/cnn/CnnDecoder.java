package org.vae4j.plugins.cnn;

import java.util.List;
import org.vae4j.api.Decoder;
import org.vae4j.api.Layer;
import org.vae4j.engine.layers.Sequential;

/**
 * Transposed convolutions from the latent code to the likelihood's parameters, {@code [N, P*C*H*W]}:
 * the C-order flattening of {@code [N, P*C, H, W]}, which is the parameter-major layout.
 */
public final class CnnDecoder extends Sequential implements Decoder {
    CnnDecoder(List<Layer> layers) {
        super(layers);
    }
}
