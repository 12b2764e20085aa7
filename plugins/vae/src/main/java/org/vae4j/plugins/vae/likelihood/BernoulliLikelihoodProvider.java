package org.vae4j.plugins.vae.likelihood;

import com.google.auto.service.AutoService;
import org.vae4j.api.Likelihood;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** Provides the {@code bernoulli} likelihood: one logit per data dimension. */
@AutoService(Provider.class)
public final class BernoulliLikelihoodProvider extends AbstractProvider<Likelihood, BernoulliConfig> {
    /** Registers the {@code bernoulli} likelihood. */
    public BernoulliLikelihoodProvider() {
        super(Likelihood.class, "bernoulli", BernoulliConfig.class,
                "independent Bernoulli per dimension from logits; for {0,1} or [0,1] data");
    }

    @Override
    public Likelihood create(BernoulliConfig config, BuildContext context) {
        DataUnits.requireIntensities(context, "bernoulli");
        return new BernoulliLikelihood(context.dataDimensions());
    }
}
