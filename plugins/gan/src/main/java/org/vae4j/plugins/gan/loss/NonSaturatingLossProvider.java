package org.vae4j.plugins.gan.loss;

import com.google.auto.service.AutoService;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.NoConfig;
import org.vae4j.api.spi.Provider;

/** {@code "loss": {"type": "non-saturating"}}: the {@link NonSaturatingLoss}. */
@AutoService(Provider.class)
public final class NonSaturatingLossProvider extends AbstractProvider<GanLoss, NoConfig> {
    /** Registers {@code non-saturating}. */
    public NonSaturatingLossProvider() {
        super(GanLoss.class, "non-saturating", NoConfig.class, "the discriminator's cross-entropy; the generator minimizes -log D(G(z)) (torch_gan.py)");
    }

    @Override
    public GanLoss create(NoConfig config, BuildContext context) {
        return new NonSaturatingLoss();
    }
}
