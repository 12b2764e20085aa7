package org.vae4j.engine.optim;

import com.google.auto.service.AutoService;
import org.vae4j.api.optim.Optimizer;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** {@code "optimizer": {"type": "adamax"}}: PyTorch's {@code torch.optim.Adamax} (seed 004). */
@AutoService(Provider.class)
public final class AdamaxProvider extends AbstractProvider<Optimizer, AdamaxConfig> {
    /** Registers {@code adamax}. */
    public AdamaxProvider() {
        super(Optimizer.class, "adamax", AdamaxConfig.class, "Adamax, Adam's infinity-norm variant, as torch.optim.Adamax");
    }

    @Override
    public Optimizer create(AdamaxConfig c, BuildContext context) {
        c.validate();
        return new Adamax(c.lr, c.beta1, c.beta2, c.epsilon);
    }
}
