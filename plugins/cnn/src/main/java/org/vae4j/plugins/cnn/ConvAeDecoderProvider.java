package org.vae4j.plugins.cnn;

import com.google.auto.service.AutoService;
import org.vae4j.api.Decoder;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** {@code "decoder": {"type": "conv-ae", ...}}: seed 004's convolutional decoder. */
@AutoService(Provider.class)
public final class ConvAeDecoderProvider extends AbstractProvider<Decoder, ConvAeConfig> {
    /** Registers the {@code conv-ae} decoder. */
    public ConvAeDecoderProvider() {
        super(Decoder.class, "conv-ae", ConvAeConfig.class,
                "seed 004: the conv-ae encoder mirrored, transposed convs and upsampling, logits out");
    }

    @Override
    public Decoder create(ConvAeConfig config, BuildContext context) {
        return new ConvAeDecoder(ConvAe.decoder(config, context));
    }
}
