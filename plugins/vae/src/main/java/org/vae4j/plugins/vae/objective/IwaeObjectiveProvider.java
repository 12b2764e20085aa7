package org.vae4j.plugins.vae.objective;

import com.google.auto.service.AutoService;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** {@code "objective": {"type": "iwae", "samples": K}}: the importance-weighted bound of Burda et al. */
@AutoService(Provider.class)
public final class IwaeObjectiveProvider extends AbstractProvider<VaeObjective, IwaeConfig> {
    /** Registers {@code iwae}. */
    public IwaeObjectiveProvider() {
        super(VaeObjective.class, "iwae", IwaeConfig.class,
                "importance-weighted bound (IWAE) with K posterior samples per example");
    }

    @Override
    public void validate(IwaeConfig config) {
        config.validate();
    }

    @Override
    public VaeObjective create(IwaeConfig config, BuildContext context) {
        config.validate();
        return new IwaeObjective(config.samples, null);
    }
}
