package org.vae4j.engine.optim.schedule;

import com.google.auto.service.AutoService;
import org.vae4j.api.optim.LearningRateSchedule;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** {@code "schedule": {"type": "exponential", "gamma": 0.95}}: PyTorch's {@code ExponentialLR}. */
@AutoService(Provider.class)
public final class ExponentialDecayProvider extends AbstractProvider<LearningRateSchedule, ExponentialDecayConfig> {
    /** Registers {@code exponential}. */
    public ExponentialDecayProvider() {
        super(LearningRateSchedule.class, "exponential", ExponentialDecayConfig.class,
                "times gamma after every epoch, as torch.optim.lr_scheduler.ExponentialLR");
    }

    @Override
    public void validate(ExponentialDecayConfig c) {
        c.validate();
    }

    @Override
    public LearningRateSchedule create(ExponentialDecayConfig c, BuildContext context) {
        c.validate();
        return new ExponentialDecay(c.gamma, c.warmup());
    }
}
