package org.vae4j.engine.beta;

import com.google.auto.service.AutoService;
import org.vae4j.api.BetaSchedule;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** Provides the {@code linear} beta schedule: 0 at epoch 0, rising to the target by the last epoch. */
@AutoService(Provider.class)
public final class LinearBetaProvider implements Provider<BetaSchedule, LinearBetaConfig> {

    @Override
    public Class<BetaSchedule> kind() {
        return BetaSchedule.class;
    }

    @Override
    public String type() {
        return "linear";
    }

    @Override
    public Class<LinearBetaConfig> configClass() {
        return LinearBetaConfig.class;
    }

    @Override
    public BetaSchedule create(LinearBetaConfig config, BuildContext context) {
        config.validate();
        return new LinearBeta(config.target, config.untilEpoch);
    }

    @Override
    public String description() {
        return "beta = target * min(1, epoch / E), E = untilEpoch or the last epoch";
    }
}
