package org.vae4j.engine.optim;

import com.google.auto.service.AutoService;
import org.vae4j.api.optim.Optimizer;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** {@code "optimizer": {"type": "adam"}}: PyTorch's {@code torch.optim.Adam}. */
@AutoService(Provider.class)
public final class AdamProvider extends AbstractProvider<Optimizer, AdamConfig> {
    /** Registers {@code adam}. */
    public AdamProvider() {
        super(Optimizer.class, "adam", AdamConfig.class, "Adam (Kingma and Ba 2015), as torch.optim.Adam");
    }

    @Override
    public Optimizer create(AdamConfig c, BuildContext context) {
        c.validate();
        return new Adam(c.lr, c.beta1, c.beta2, c.epsilon);
    }
}
