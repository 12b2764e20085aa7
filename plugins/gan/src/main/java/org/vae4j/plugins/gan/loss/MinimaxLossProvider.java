package org.vae4j.plugins.gan.loss;

import com.google.auto.service.AutoService;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.NoConfig;
import org.vae4j.api.spi.Provider;

/** {@code "loss": {"type": "minimax"}}: the {@link MinimaxLoss}. */
@AutoService(Provider.class)
public final class MinimaxLossProvider extends AbstractProvider<GanLoss, NoConfig> {
    /** Registers {@code minimax}. */
    public MinimaxLossProvider() {
        super(GanLoss.class, "minimax", NoConfig.class, "the original minimax loss: the generator minimizes log(1 - D(G(z))), which saturates");
    }

    @Override
    public GanLoss create(NoConfig config, BuildContext context) {
        return new MinimaxLoss();
    }
}
