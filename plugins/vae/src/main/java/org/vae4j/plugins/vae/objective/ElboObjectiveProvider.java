package org.vae4j.plugins.vae.objective;

import com.google.auto.service.AutoService;
import org.vae4j.api.BetaSchedule;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;
import org.vae4j.api.spi.Slot;

/**
 * {@code "objective": {"type": "elbo", "beta": {...}, "samples": 1}}: the negative ELBO with a KL
 * weight schedule, from one posterior sample per example (closed-form KL where the prior has one)
 * or the average over K samples (Monte Carlo KL).
 */
@AutoService(Provider.class)
public final class ElboObjectiveProvider extends AbstractProvider<VaeObjective, ElboConfig> {
    /** The slot of the KL weight schedule. */
    public static final Slot BETA = Slot.optional("beta", BetaSchedule.class, "constant");

    /** Registers {@code elbo}. */
    public ElboObjectiveProvider() {
        super(VaeObjective.class, "elbo", ElboConfig.class,
                "negative ELBO, reconstruction + beta KL, with 1 (or samples) posterior sample(s) per example", BETA);
    }

    @Override
    public void validate(ElboConfig config) {
        config.validate();
    }

    @Override
    public VaeObjective create(ElboConfig config, BuildContext context) {
        config.validate();
        BetaSchedule beta = context.slot("beta").create(BetaSchedule.class);
        // one sample: the closed-form KL where the prior has one; more: K samples averaged, Monte Carlo KL
        return config.samples == 1 ? new ElboObjective(beta) : new IwaeObjective(config.samples, beta);
    }
}
