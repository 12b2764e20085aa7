package org.vae4j.plugins.vae.posterior;

import com.google.auto.service.AutoService;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.api.spi.Provider;

/** Provides the {@code iaf} posterior: the diagonal Gaussian through K inverse autoregressive flow steps. */
@AutoService(Provider.class)
public final class IafProvider extends AbstractProvider<PosteriorFlow, IafConfig> {
    /** Registers {@code iaf}. */
    public IafProvider() {
        super(PosteriorFlow.class, "iaf", IafConfig.class,
                "diagonal Gaussian through K inverse autoregressive flow steps with MADE networks (Kingma et al. 2016)");
    }

    @Override
    public void validate(IafConfig config) {
        config.validate();
    }

    @Override
    public PosteriorFlow create(IafConfig config, BuildContext context) {
        config.validate();
        long latent = context.outputWidth();
        ConfigException.require(latent >= 1 && latent <= 100_000, "", "the latent dimension must be from 1 to "
                + "100000, got " + latent);
        return new InverseAutoregressiveFlow(config.steps, config.hidden.stream().mapToInt(Integer::intValue).toArray(),
                (int) latent, context.dataType(), context.random());
    }
}
