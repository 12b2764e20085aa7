package org.vae4j.plugins.vae.likelihood;

import com.google.auto.service.AutoService;
import org.vae4j.api.Likelihood;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** Provides seed 004's {@code gauss} assumption: standard normal standardised targets, MSE. */
@AutoService(Provider.class)
public final class GaussLikelihoodProvider extends AbstractProvider<Likelihood, GaussConfig> {
    /** Registers the {@code gauss} likelihood. */
    public GaussLikelihoodProvider() {
        super(Likelihood.class, "gauss", GaussConfig.class,
                "seed 004: targets standardised with mean/std are N(output, 1) (MSE); pictures min-max in range");
    }

    @Override
    public void validate(GaussConfig config) {
        config.validate();
    }

    @Override
    public Likelihood create(GaussConfig config, BuildContext context) {
        validate(config);
        DataUnits.requireIntensities(context, "gauss");
        return new GaussLikelihood(context.dataDimensions(), config.mean, config.std);
    }
}
