package org.vae4j.plugins.mlp;

import java.util.ArrayList;
import java.util.List;
import org.vae4j.api.Layer;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Activations;
import org.vae4j.engine.layers.BatchNorm;
import org.vae4j.engine.layers.Dense;

/**
 * Builds the layer list of an MLP: dense layers with the activation (and batch normalization, if
 * asked) between them; after the last only a decoder's output activation.
 */
final class Mlp {
    private Mlp() {
    }

    static List<Layer> layers(MlpConfig config, long in, long out, BuildContext context) {
        config.validate();
        Initializer init = Initializer.named(config.init);
        List<Layer> layers = new ArrayList<>();
        long width = in;
        for (int h : config.hidden) {
            layers.add(new Dense(width, h, init, context.dataType(), context.random()));
            if (config.batchNorm) {
                layers.add(new BatchNorm(context.dataType(), h));
            }
            layers.add(Activations.named(config.activation, config.negativeSlope, h));
            width = h;
        }
        layers.add(new Dense(width, out, init, context.dataType(), context.random()));
        if (config instanceof MlpDecoderConfig d && !MlpDecoderConfig.NONE.equals(d.outputActivation)) {
            layers.add(Activations.named(d.outputActivation, config.negativeSlope, out));
        }
        return layers;
    }
}
