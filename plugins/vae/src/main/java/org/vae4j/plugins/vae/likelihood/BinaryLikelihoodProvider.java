package org.vae4j.plugins.vae.likelihood;

import com.google.auto.service.AutoService;
import org.vae4j.api.Likelihood;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** Provides seed 004's {@code binary} assumption: thresholded {0, 1} targets, BCE, logits > 0 shown. */
@AutoService(Provider.class)
public final class BinaryLikelihoodProvider extends AbstractProvider<Likelihood, BinaryConfig> {
    /** Registers the {@code binary} likelihood. */
    public BinaryLikelihoodProvider() {
        super(Likelihood.class, "binary", BinaryConfig.class,
                "seed 004: targets thresholded to {0,1}, Bernoulli from logits (BCE); pictures are logits > 0");
    }

    @Override
    public void validate(BinaryConfig config) {
        config.validate();
    }

    @Override
    public Likelihood create(BinaryConfig config, BuildContext context) {
        validate(config);
        DataUnits.requireIntensities(context, "binary");
        return new BinaryLikelihood(context.dataDimensions(), config.threshold);
    }
}
