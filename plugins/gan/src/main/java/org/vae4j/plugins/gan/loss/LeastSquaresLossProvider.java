package org.vae4j.plugins.gan.loss;

import com.google.auto.service.AutoService;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.NoConfig;
import org.vae4j.api.spi.Provider;

/** {@code "loss": {"type": "least-squares"}}: the {@link LeastSquaresLoss}. */
@AutoService(Provider.class)
public final class LeastSquaresLossProvider extends AbstractProvider<GanLoss, NoConfig> {
    /** Registers {@code least-squares}. */
    public LeastSquaresLossProvider() {
        super(GanLoss.class, "least-squares", NoConfig.class, "least squares (LSGAN): outputs regressed to 1 for real, 0 for generated");
    }

    @Override
    public GanLoss create(NoConfig config, BuildContext context) {
        return new LeastSquaresLoss();
    }
}
