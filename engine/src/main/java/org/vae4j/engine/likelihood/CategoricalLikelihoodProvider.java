package org.vae4j.engine.likelihood;

import com.google.auto.service.AutoService;
import org.vae4j.api.Likelihood;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** Provides the {@code categorical} likelihood: K logits per data dimension over levels 0..K-1. */
@AutoService(Provider.class)
public final class CategoricalLikelihoodProvider implements Provider<Likelihood, CategoricalConfig> {

    @Override
    public Class<Likelihood> kind() {
        return Likelihood.class;
    }

    @Override
    public String type() {
        return "categorical";
    }

    @Override
    public Class<CategoricalConfig> configClass() {
        return CategoricalConfig.class;
    }

    @Override
    public Likelihood create(CategoricalConfig config, BuildContext context) {
        config.validate();
        return new CategoricalLikelihood(context.dataDimensions(), config.levels);
    }

    @Override
    public String description() {
        return "categorical over K levels per dimension (e.g. 4-bit pixels) from K logits each";
    }
}
