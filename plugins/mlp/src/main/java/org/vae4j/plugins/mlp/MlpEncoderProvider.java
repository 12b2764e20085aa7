package org.vae4j.plugins.mlp;

import com.google.auto.service.AutoService;
import org.vae4j.api.Encoder;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** {@code "encoder": {"type": "mlp", ...}}: data {@code [N, D]} to {@code [N, 2L]} (or {@code [N, L]}). */
@AutoService(Provider.class)
public final class MlpEncoderProvider extends AbstractProvider<Encoder, MlpConfig> {
    /** Registers the {@code mlp} encoder. */
    public MlpEncoderProvider() {
        super(Encoder.class, "mlp", MlpConfig.class,
                "dense layers from the flattened data to the posterior parameters");
    }

    @Override
    public Encoder create(MlpConfig config, BuildContext context) {
        return new MlpEncoder(Mlp.layers(config, context.inputWidth(), context.outputWidth(), context));
    }
}
