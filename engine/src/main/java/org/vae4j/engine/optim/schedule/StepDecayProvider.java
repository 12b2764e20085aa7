package org.vae4j.engine.optim.schedule;

import com.google.auto.service.AutoService;
import org.vae4j.api.optim.LearningRateSchedule;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** {@code "schedule": {"type": "step", "every": 10, "gamma": 0.1}}: PyTorch's {@code StepLR}. */
@AutoService(Provider.class)
public final class StepDecayProvider extends AbstractProvider<LearningRateSchedule, StepDecayConfig> {
    /** Registers {@code step}. */
    public StepDecayProvider() {
        super(LearningRateSchedule.class, "step", StepDecayConfig.class,
                "times gamma every N epochs, as torch.optim.lr_scheduler.StepLR");
    }

    @Override
    public void validate(StepDecayConfig c) {
        c.validate();
    }

    @Override
    public LearningRateSchedule create(StepDecayConfig c, BuildContext context) {
        c.validate();
        return new StepDecay(c.every, c.gamma, c.warmup());
    }
}
