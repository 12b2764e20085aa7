package org.vae4j.plugins.vae.prior;

import com.google.auto.service.AutoService;
import org.vae4j.api.Prior;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.api.spi.Provider;

/** Provides the {@code mog} prior: a learned mixture of diagonal Gaussians ({@link MixturePrior}). */
@AutoService(Provider.class)
public final class MixturePriorProvider extends AbstractProvider<Prior, MixturePriorConfig> {
    /** Registers the {@code mog} prior. */
    public MixturePriorProvider() {
        super(Prior.class, "mog", MixturePriorConfig.class,
                "learned mixture of C diagonal Gaussians; KL by Monte Carlo");
    }

    @Override
    public void validate(MixturePriorConfig config) {
        config.validate();
    }

    @Override
    public Prior create(MixturePriorConfig config, BuildContext context) {
        config.validate();
        long latent = context.outputWidth();
        ConfigException.require(latent >= 1 && latent <= 1_000_000, "", "the latent dimension must be from 1 to "
                + "1000000, got " + latent);
        return new MixturePrior((int) latent, config.components, config.initialStd, context.dataType(),
                context.random());
    }
}
