package org.vae4j.plugins.vae.objective;

import com.google.auto.service.AutoService;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/**
 * {@code "objective": {"type": "autoencoder"}}: a plain autoencoder's reconstruction loss. A
 * {@code beta} schedule is accepted and unused, so seed 002's {@code --loss-mode ae} can switch a
 * VAE spec to an autoencoder without editing it.
 */
@AutoService(Provider.class)
public final class AutoencoderObjectiveProvider extends AbstractProvider<VaeObjective, ObjectiveConfig> {
    /** Registers {@code autoencoder}. */
    public AutoencoderObjectiveProvider() {
        super(VaeObjective.class, "autoencoder", ObjectiveConfig.class,
                "plain autoencoder: a deterministic code and the reconstruction loss alone", ElboObjectiveProvider.BETA);
    }

    @Override
    public VaeObjective create(ObjectiveConfig config, BuildContext context) {
        // built so that a bad schedule is reported, though an autoencoder has no KL to weigh
        context.slot("beta").create(org.vae4j.api.BetaSchedule.class);
        return new AutoencoderObjective();
    }
}
