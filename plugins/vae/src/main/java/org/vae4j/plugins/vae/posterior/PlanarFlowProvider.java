package org.vae4j.plugins.vae.posterior;

import com.google.auto.service.AutoService;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.api.spi.Provider;

/** Provides the {@code planar} posterior: the diagonal Gaussian pushed through K planar flow steps. */
@AutoService(Provider.class)
public final class PlanarFlowProvider extends AbstractProvider<PosteriorFlow, PlanarFlowConfig> {
    /** Registers {@code planar}. */
    public PlanarFlowProvider() {
        super(PosteriorFlow.class, "planar", PlanarFlowConfig.class,
                "diagonal Gaussian through K planar flow steps (Rezende & Mohamed 2015); KL by Monte Carlo");
    }

    @Override
    public void validate(PlanarFlowConfig config) {
        config.validate();
    }

    @Override
    public PosteriorFlow create(PlanarFlowConfig config, BuildContext context) {
        config.validate();
        long latent = context.outputWidth();
        ConfigException.require(latent >= 1 && latent <= 1_000_000, "", "the latent dimension must be from 1 to "
                + "1000000, got " + latent);
        return new PlanarFlow(config.steps, (int) latent, context.dataType(), context.random());
    }
}
