package org.vae4j.plugins.vae.prior;

import com.google.auto.service.AutoService;
import org.vae4j.api.Encoder;
import org.vae4j.api.Prior;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.api.spi.Provider;

/** Provides the {@code vamp} prior ({@link VampPrior}), which needs the model's variational encoder. */
@AutoService(Provider.class)
public final class VampPriorProvider extends AbstractProvider<Prior, VampPriorConfig> {
    /** Registers the {@code vamp} prior. */
    public VampPriorProvider() {
        super(Prior.class, "vamp", VampPriorConfig.class,
                "VampPrior: the mixture of the encoder's posteriors of K learned pseudo-inputs; KL by Monte Carlo");
    }

    @Override
    public void validate(VampPriorConfig config) {
        config.validate();
    }

    @Override
    public Prior create(VampPriorConfig config, BuildContext context) {
        config.validate();
        Encoder encoder = context.shared(Encoder.class).orElseThrow(() -> new ConfigException("",
                "needs the model's encoder, which this model family does not share with its prior"));
        long latent = context.outputWidth();
        if (encoder.outputShape().length != 1 || encoder.outputShape()[0] != 2 * latent) {
            throw new ConfigException("", "needs a variational encoder (2 x latentDim = " + 2 * latent
                    + " outputs: means and log-variances); this encoder emits " + java.util.Arrays.toString(
                    encoder.outputShape()));
        }
        return new VampPrior(encoder, (int) latent, config.pseudoInputs, context.dataDimensions(), context.dataType(),
                context.random());
    }
}
