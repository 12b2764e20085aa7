package org.vae4j.plugins.cnn;

import com.google.auto.service.AutoService;
import org.vae4j.api.Encoder;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** {@code "encoder": {"type": "conv-ae", ...}}: seed 004's convolutional encoder. */
@AutoService(Provider.class)
public final class ConvAeEncoderProvider extends AbstractProvider<Encoder, ConvAeConfig> {
    /** Registers the {@code conv-ae} encoder. */
    public ConvAeEncoderProvider() {
        super(Encoder.class, "conv-ae", ConvAeConfig.class,
                "seed 004: conv, activation, average pooling, conv (spatial code, or dense with latent: dense)");
    }

    @Override
    public Encoder create(ConvAeConfig config, BuildContext context) {
        return new ConvAeEncoder(ConvAe.encoder(config, context));
    }
}
