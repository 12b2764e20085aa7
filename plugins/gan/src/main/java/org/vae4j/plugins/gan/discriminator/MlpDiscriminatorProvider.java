package org.vae4j.plugins.gan.discriminator;

import com.google.auto.service.AutoService;
import java.util.ArrayList;
import java.util.List;
import org.vae4j.api.Layer;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Activations;
import org.vae4j.engine.layers.Dense;
import org.vae4j.plugins.gan.Discriminator;

/** {@code "discriminator": {"type": "mlp", ...}}: see {@link MlpDiscriminatorConfig}. */
@AutoService(Provider.class)
public final class MlpDiscriminatorProvider extends AbstractProvider<Discriminator, MlpDiscriminatorConfig> {
    /** Registers the {@code mlp} discriminator. */
    public MlpDiscriminatorProvider() {
        super(Discriminator.class, "mlp", MlpDiscriminatorConfig.class,
                "dense layers from the data to a logit (torch_gan.py's MLP discriminator by default)");
    }

    @Override
    public void validate(MlpDiscriminatorConfig config) {
        config.validate();
    }

    @Override
    public Discriminator create(MlpDiscriminatorConfig config, BuildContext context) {
        config.validate();
        Initializer init = Initializer.named(config.init);
        List<Layer> layers = new ArrayList<>();
        long width = context.inputWidth();
        for (int h : config.hidden) {
            layers.add(new Dense(width, h, init, context.dataType(), context.random()));
            layers.add(Activations.named(config.activation, config.negativeSlope, h));
            width = h;
        }
        layers.add(new Dense(width, context.outputWidth(), init, context.dataType(), context.random()));
        return new SequentialDiscriminator(layers);
    }
}
