package org.vae4j.plugins.mlp;

import com.google.auto.service.AutoService;
import org.vae4j.api.Decoder;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** {@code "decoder": {"type": "mlp", ...}}: codes {@code [N, L]} to the likelihood's {@code [N, P*D]}. */
@AutoService(Provider.class)
public final class MlpDecoderProvider extends AbstractProvider<Decoder, MlpDecoderConfig> {
    /** Registers the {@code mlp} decoder. */
    public MlpDecoderProvider() {
        super(Decoder.class, "mlp", MlpDecoderConfig.class,
                "dense layers from the latent code to the likelihood's parameters");
    }

    @Override
    public Decoder create(MlpDecoderConfig config, BuildContext context) {
        return new MlpDecoder(Mlp.layers(config, context.inputWidth(), context.outputWidth(), context));
    }
}
