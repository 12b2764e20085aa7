package org.vae4j.plugins.mlp;

import com.google.auto.service.AutoService;
import org.vae4j.api.Decoder;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** {@code "decoder": {"type": "mlp", ...}}: codes {@code [N, L]} to the likelihood's {@code [N, P*D]}. */
@AutoService(Provider.class)
public final class MlpDecoderProvider implements Provider<Decoder, MlpConfig> {
    @Override
    public Class<Decoder> kind() {
        return Decoder.class;
    }

    @Override
    public String type() {
        return "mlp";
    }

    @Override
    public Class<MlpConfig> configClass() {
        return MlpConfig.class;
    }

    @Override
    public Decoder create(MlpConfig config, BuildContext context) {
        return new MlpDecoder(Mlp.layers(config, context.latentDim(), context.decoderOutputWidth(), context));
    }

    @Override
    public String description() {
        return "dense layers from the latent code to the likelihood's parameters";
    }
}
