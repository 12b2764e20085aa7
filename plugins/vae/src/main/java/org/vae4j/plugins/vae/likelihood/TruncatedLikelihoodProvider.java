package org.vae4j.plugins.vae.likelihood;

import com.google.auto.service.AutoService;
import org.vae4j.api.Likelihood;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** Provides seed 004's {@code truncated} assumption: a Gaussian truncated to [0, 1]. */
@AutoService(Provider.class)
public final class TruncatedLikelihoodProvider extends AbstractProvider<Likelihood, TruncatedConfig> {
    /** Registers the {@code truncated} likelihood. */
    public TruncatedLikelihoodProvider() {
        super(Likelihood.class, "truncated", TruncatedConfig.class,
                "seed 004: [0,1] targets are N(output, sigma) truncated to [0,1]; pictures clamp to [0,1]");
    }

    @Override
    public void validate(TruncatedConfig config) {
        config.validate();
    }

    @Override
    public Likelihood create(TruncatedConfig config, BuildContext context) {
        validate(config);
        DataUnits.requireIntensities(context, "truncated");
        return new TruncatedGaussianLikelihood(context.dataDimensions(), config.sigma);
    }
}
