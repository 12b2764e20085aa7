package org.vae4j.plugins.vae.beta;

import com.google.auto.service.AutoService;
import org.vae4j.api.BetaSchedule;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** Provides the {@code linear} beta schedule: 0 at epoch 0, rising to the target by the last epoch. */
@AutoService(Provider.class)
public final class LinearBetaProvider extends AbstractProvider<BetaSchedule, LinearBetaConfig> {
    /** Registers the {@code linear} beta schedule. */
    public LinearBetaProvider() {
        super(BetaSchedule.class, "linear", LinearBetaConfig.class,
                "beta = target * min(1, epoch / E), E = untilEpoch or the last epoch");
    }

    @Override
    public void validate(LinearBetaConfig config) {
        config.validate();
    }

    @Override
    public BetaSchedule create(LinearBetaConfig config, BuildContext context) {
        config.validate();
        return new LinearBeta(config.target, config.untilEpoch);
    }
}
