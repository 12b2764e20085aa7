package org.vae4j.engine.likelihood;

import com.google.auto.service.AutoService;
import org.vae4j.api.Likelihood;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** Provides the {@code bernoulli} likelihood: one logit per data dimension. */
@AutoService(Provider.class)
public final class BernoulliLikelihoodProvider implements Provider<Likelihood, BernoulliConfig> {

    @Override
    public Class<Likelihood> kind() {
        return Likelihood.class;
    }

    @Override
    public String type() {
        return "bernoulli";
    }

    @Override
    public Class<BernoulliConfig> configClass() {
        return BernoulliConfig.class;
    }

    @Override
    public Likelihood create(BernoulliConfig config, BuildContext context) {
        return new BernoulliLikelihood(context.dataDimensions());
    }

    @Override
    public String description() {
        return "independent Bernoulli per dimension from logits; for {0,1} or [0,1] data";
    }
}
