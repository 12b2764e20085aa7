package org.vae4j.engine.prior;

import com.google.auto.service.AutoService;
import org.vae4j.api.Prior;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.api.spi.Provider;

/** Provides the {@code standard-normal} prior N(0, I) over the latent space. */
@AutoService(Provider.class)
public final class StandardNormalPriorProvider implements Provider<Prior, StandardNormalConfig> {

    @Override
    public Class<Prior> kind() {
        return Prior.class;
    }

    @Override
    public String type() {
        return "standard-normal";
    }

    @Override
    public Class<StandardNormalConfig> configClass() {
        return StandardNormalConfig.class;
    }

    @Override
    public Prior create(StandardNormalConfig config, BuildContext context) {
        ConfigException.require(context.latentDim() >= 1, "",
                "the latent dimension must be >= 1, got " + context.latentDim());
        return new StandardNormalPrior(context.latentDim(), context.dataType());
    }

    @Override
    public String description() {
        return "standard normal N(0, I), with the closed-form KL of a diagonal Gaussian posterior";
    }
}
