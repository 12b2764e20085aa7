package org.vae4j.engine.likelihood;

import com.google.auto.service.AutoService;
import org.vae4j.api.Likelihood;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** Provides the {@code gaussian} likelihood: one mean per data dimension, fixed or learned sigma. */
@AutoService(Provider.class)
public final class GaussianLikelihoodProvider implements Provider<Likelihood, GaussianConfig> {

    @Override
    public Class<Likelihood> kind() {
        return Likelihood.class;
    }

    @Override
    public String type() {
        return "gaussian";
    }

    @Override
    public Class<GaussianConfig> configClass() {
        return GaussianConfig.class;
    }

    @Override
    public Likelihood create(GaussianConfig config, BuildContext context) {
        config.validate();
        return config.learnSigma
                ? GaussianLikelihood.learned(context.dataDimensions(), config.initialLogSigma, context.dataType())
                : GaussianLikelihood.fixed(context.dataDimensions(), config.sigma);
    }

    @Override
    public String description() {
        return "independent Gaussian per dimension around the decoded means; sigma fixed or learned";
    }
}
