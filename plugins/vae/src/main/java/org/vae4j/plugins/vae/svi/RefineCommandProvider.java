package org.vae4j.plugins.vae.svi;

import com.google.auto.service.AutoService;
import org.vae4j.api.command.Command;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.NoConfig;
import org.vae4j.api.spi.Provider;

/** Contributes {@code vae4j refine}: stochastic variational inference and the amortization gap. */
@AutoService(Provider.class)
public final class RefineCommandProvider extends AbstractProvider<Command, NoConfig> {
    /** Registers {@code refine}. */
    public RefineCommandProvider() {
        super(Command.class, "refine", NoConfig.class,
                "SVI on a trained VAE: per-example posteriors refined by gradient ascent on the ELBO (amortization gap)");
    }

    @Override
    public Command create(NoConfig config, BuildContext context) {
        return new RefineCommand();
    }
}
