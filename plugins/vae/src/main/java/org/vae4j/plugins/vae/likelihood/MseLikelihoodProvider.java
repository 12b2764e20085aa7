package org.vae4j.plugins.vae.likelihood;

import com.google.auto.service.AutoService;
import org.vae4j.api.Likelihood;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** Provides the {@code mse} likelihood: squared error summed over dimensions (seed 002's autoencoder loss). */
@AutoService(Provider.class)
public final class MseLikelihoodProvider extends AbstractProvider<Likelihood, MseConfig> {
    /** Registers the {@code mse} likelihood. */
    public MseLikelihoodProvider() {
        super(Likelihood.class, "mse", MseConfig.class,
                "squared error summed over dimensions, log p = -sum (x - mu)^2; an autoencoder's MSE loss");
    }

    @Override
    public Likelihood create(MseConfig config, BuildContext context) {
        DataUnits.requireIntensities(context, "mse");
        return new MseLikelihood(context.dataDimensions());
    }
}
