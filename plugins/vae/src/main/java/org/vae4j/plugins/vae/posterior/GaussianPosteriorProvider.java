package org.vae4j.plugins.vae.posterior;

import com.google.auto.service.AutoService;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** Provides the {@code gaussian} posterior: the encoder's diagonal Gaussian alone (the default). */
@AutoService(Provider.class)
public final class GaussianPosteriorProvider extends AbstractProvider<PosteriorFlow, GaussianPosteriorConfig> {
    /** Registers {@code gaussian}. */
    public GaussianPosteriorProvider() {
        super(PosteriorFlow.class, "gaussian", GaussianPosteriorConfig.class,
                "the encoder's diagonal Gaussian N(mean, exp(logVar)), no flow");
    }

    @Override
    public PosteriorFlow create(GaussianPosteriorConfig config, BuildContext context) {
        return new GaussianPosterior();
    }
}
