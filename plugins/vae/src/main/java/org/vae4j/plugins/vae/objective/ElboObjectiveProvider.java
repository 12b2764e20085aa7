package org.vae4j.plugins.vae.objective;

import com.google.auto.service.AutoService;
import org.vae4j.api.BetaSchedule;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;
import org.vae4j.api.spi.Slot;

/** {@code "objective": {"type": "elbo", "beta": {...}}}: the negative ELBO with a KL weight schedule. */
@AutoService(Provider.class)
public final class ElboObjectiveProvider extends AbstractProvider<VaeObjective, ObjectiveConfig> {
    /** The slot of the KL weight schedule. */
    public static final Slot BETA = Slot.optional("beta", BetaSchedule.class, "constant");

    /** Registers {@code elbo}. */
    public ElboObjectiveProvider() {
        super(VaeObjective.class, "elbo", ObjectiveConfig.class,
                "negative ELBO, reconstruction + beta KL, one posterior sample per example", BETA);
    }

    @Override
    public VaeObjective create(ObjectiveConfig config, BuildContext context) {
        return new ElboObjective(context.slot("beta").create(BetaSchedule.class));
    }
}
