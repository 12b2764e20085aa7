package org.vae4j.engine.optim.schedule;

import com.google.auto.service.AutoService;
import org.vae4j.api.optim.LearningRateSchedule;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** {@code "schedule": {"type": "cosine", "minFactor": 0.01, "warmupSteps": 500}}: cosine annealing per step. */
@AutoService(Provider.class)
public final class CosineAnnealingProvider extends AbstractProvider<LearningRateSchedule, CosineAnnealingConfig> {
    /** Registers {@code cosine}. */
    public CosineAnnealingProvider() {
        super(LearningRateSchedule.class, "cosine", CosineAnnealingConfig.class,
                "half a cosine from the configured rate down to minFactor of it over the run, per step");
    }

    @Override
    public void validate(CosineAnnealingConfig c) {
        c.validate();
    }

    @Override
    public LearningRateSchedule create(CosineAnnealingConfig c, BuildContext context) {
        c.validate();
        return new CosineAnnealing(c.minFactor, c.warmup());
    }
}
