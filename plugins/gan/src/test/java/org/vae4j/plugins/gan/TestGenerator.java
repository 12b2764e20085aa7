package org.vae4j.plugins.gan;

import java.util.List;
import org.vae4j.api.Decoder;
import org.vae4j.api.Layer;
import org.vae4j.engine.layers.Sequential;

/** A generator made of engine layers, for the tests. */
final class TestGenerator extends Sequential implements Decoder {
    TestGenerator(List<? extends Layer> layers) {
        super(layers);
    }
}
