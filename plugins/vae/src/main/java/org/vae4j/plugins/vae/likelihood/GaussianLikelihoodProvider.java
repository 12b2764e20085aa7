package org.vae4j.plugins.vae.likelihood;

import com.google.auto.service.AutoService;
import org.vae4j.api.Likelihood;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** Provides the {@code gaussian} likelihood: one mean per data dimension, fixed or learned sigma. */
@AutoService(Provider.class)
public final class GaussianLikelihoodProvider extends AbstractProvider<Likelihood, GaussianConfig> {
    /** Registers the {@code gaussian} likelihood. */
    public GaussianLikelihoodProvider() {
        super(Likelihood.class, "gaussian", GaussianConfig.class,
                "independent Gaussian per dimension around the decoded means; sigma fixed or learned");
    }

    @Override
    public void validate(GaussianConfig config) {
        config.validate();
    }

    @Override
    public Likelihood create(GaussianConfig config, BuildContext context) {
        validate(config);
        DataUnits.requireIntensities(context, "gaussian");
        return config.learnSigma
                ? GaussianLikelihood.learned(context.dataDimensions(), config.initialLogSigma, context.dataType())
                : GaussianLikelihood.fixed(context.dataDimensions(), config.sigma);
    }
}
