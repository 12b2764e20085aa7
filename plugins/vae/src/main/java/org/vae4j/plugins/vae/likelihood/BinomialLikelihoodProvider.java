package org.vae4j.plugins.vae.likelihood;

import com.google.auto.service.AutoService;
import org.vae4j.api.Likelihood;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/**
 * Provides seed 004's {@code binomial} assumption under its name: the targets are probabilities in
 * [0, 1], the loss the binary cross-entropy with logits, pictures {@code sigmoid(logits)}. That is
 * the engine's {@code bernoulli} likelihood, which this provider makes.
 */
@AutoService(Provider.class)
public final class BinomialLikelihoodProvider extends AbstractProvider<Likelihood, BinomialConfig> {
    /** Registers the {@code binomial} likelihood. */
    public BinomialLikelihoodProvider() {
        super(Likelihood.class, "binomial", BinomialConfig.class,
                "seed 004: [0,1] targets as probabilities, BCE with logits, pictures sigmoid (= bernoulli)");
    }

    @Override
    public Likelihood create(BinomialConfig config, BuildContext context) {
        DataUnits.requireIntensities(context, "binomial");
        return new BernoulliLikelihood(context.dataDimensions());
    }
}
