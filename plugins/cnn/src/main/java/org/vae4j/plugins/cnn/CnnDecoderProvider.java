package org.vae4j.plugins.cnn;

import com.google.auto.service.AutoService;
import org.vae4j.api.Decoder;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** {@code "decoder": {"type": "cnn", ...}}: codes {@code [N, L]} to the likelihood's {@code [N, P*C*H*W]}. */
@AutoService(Provider.class)
public final class CnnDecoderProvider extends AbstractProvider<Decoder, CnnDecoderConfig> {
    /** Registers the {@code cnn} decoder. */
    public CnnDecoderProvider() {
        super(Decoder.class, "cnn", CnnDecoderConfig.class,
                "transposed convolutions mirroring the cnn encoder, from the code to the likelihood's parameters");
    }

    @Override
    public Decoder create(CnnDecoderConfig config, BuildContext context) {
        return new CnnDecoder(Cnn.decoder(config, context));
    }
}
