package org.vae4j.plugins.vae.prior;

import com.google.auto.service.AutoService;
import org.vae4j.api.Prior;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.api.spi.Provider;

/** Provides the {@code standard-normal} prior N(0, I) over the latent space. */
@AutoService(Provider.class)
public final class StandardNormalPriorProvider extends AbstractProvider<Prior, StandardNormalConfig> {
    /** Registers the {@code standard-normal} prior. */
    public StandardNormalPriorProvider() {
        super(Prior.class, "standard-normal", StandardNormalConfig.class,
                "standard normal N(0, I), with the closed-form KL of a diagonal Gaussian posterior");
    }

    @Override
    public Prior create(StandardNormalConfig config, BuildContext context) {
        long latent = context.outputWidth();
        ConfigException.require(latent >= 1 && latent <= Integer.MAX_VALUE, "",
                "the latent dimension must be from 1 to " + Integer.MAX_VALUE + ", got " + latent);
        return new StandardNormalPrior((int) latent, context.dataType());
    }
}
