package org.vae4j.plugins.vae.likelihood;

import com.google.auto.service.AutoService;
import org.vae4j.api.Likelihood;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** Provides the {@code categorical} likelihood: K logits per data dimension over levels 0..K-1. */
@AutoService(Provider.class)
public final class CategoricalLikelihoodProvider extends AbstractProvider<Likelihood, CategoricalConfig> {
    /** Registers the {@code categorical} likelihood. */
    public CategoricalLikelihoodProvider() {
        super(Likelihood.class, "categorical", CategoricalConfig.class,
                "categorical over K levels per dimension (e.g. 4-bit pixels) from K logits each");
    }

    @Override
    public void validate(CategoricalConfig config) {
        config.validate();
    }

    @Override
    public Likelihood create(CategoricalConfig config, BuildContext context) {
        validate(config);
        DataUnits.requireLevels(context, config.levels);
        return new CategoricalLikelihood(context.dataDimensions(), config.levels);
    }
}
