package org.vae4j.engine.beta;

import com.google.auto.service.AutoService;
import org.vae4j.api.BetaSchedule;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** Provides the {@code constant} beta schedule. */
@AutoService(Provider.class)
public final class ConstantBetaProvider implements Provider<BetaSchedule, ConstantBetaConfig> {

    @Override
    public Class<BetaSchedule> kind() {
        return BetaSchedule.class;
    }

    @Override
    public String type() {
        return "constant";
    }

    @Override
    public Class<ConstantBetaConfig> configClass() {
        return ConstantBetaConfig.class;
    }

    @Override
    public BetaSchedule create(ConstantBetaConfig config, BuildContext context) {
        config.validate();
        return new ConstantBeta(config.value);
    }

    @Override
    public String description() {
        return "the same beta at every step (1 = plain VAE)";
    }
}
