package org.vae4j.plugins.vae.beta;

import com.google.auto.service.AutoService;
import org.vae4j.api.BetaSchedule;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** Provides the {@code constant} beta schedule. */
@AutoService(Provider.class)
public final class ConstantBetaProvider extends AbstractProvider<BetaSchedule, ConstantBetaConfig> {
    /** Registers the {@code constant} beta schedule. */
    public ConstantBetaProvider() {
        super(BetaSchedule.class, "constant", ConstantBetaConfig.class,
                "the same beta at every step (1 = plain VAE)");
    }

    @Override
    public void validate(ConstantBetaConfig config) {
        config.validate();
    }

    @Override
    public BetaSchedule create(ConstantBetaConfig config, BuildContext context) {
        config.validate();
        return new ConstantBeta(config.value);
    }
}
