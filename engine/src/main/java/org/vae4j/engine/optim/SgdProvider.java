package org.vae4j.engine.optim;

import com.google.auto.service.AutoService;
import org.vae4j.api.optim.Optimizer;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** {@code "optimizer": {"type": "sgd"}}: PyTorch's {@code torch.optim.SGD} with optional momentum. */
@AutoService(Provider.class)
public final class SgdProvider extends AbstractProvider<Optimizer, SgdConfig> {
    /** Registers {@code sgd}. */
    public SgdProvider() {
        super(Optimizer.class, "sgd", SgdConfig.class, "stochastic gradient descent with momentum, as torch.optim.SGD");
    }

    @Override
    public Optimizer create(SgdConfig c, BuildContext context) {
        c.validate();
        return new Sgd(c.lr, c.momentum);
    }
}
