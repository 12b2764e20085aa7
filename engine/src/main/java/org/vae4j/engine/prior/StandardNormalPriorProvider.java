package org.vae4j.engine.prior;

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
        ConfigException.require(context.latentDim() >= 1, "",
                "the latent dimension must be >= 1, got " + context.latentDim());
        return new StandardNormalPrior(context.latentDim(), context.dataType());
    }
}
