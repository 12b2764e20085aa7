package org.vae4j.plugins.vae.pixelcnn;

import com.google.auto.service.AutoService;
import java.util.Arrays;
import org.vae4j.api.Decoder;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.api.spi.Provider;
import org.vae4j.engine.init.Initializer;

/**
 * {@code "decoder": {"type": "pixelcnn", ...}}: an autoregressive {@link PixelCnnDecoder} for image
 * data {@code [C, H, W]}, in the VAE family.
 */
@AutoService(Provider.class)
public final class PixelCnnDecoderProvider extends AbstractProvider<Decoder, PixelCnnConfig> {
    /** Registers the {@code pixelcnn} decoder. */
    public PixelCnnDecoderProvider() {
        super(Decoder.class, "pixelcnn", PixelCnnConfig.class,
                "autoregressive PixelCNN over the pixels, conditioned on the latent code (VAE only)");
    }

    @Override
    public void validate(PixelCnnConfig config) {
        config.validate();
    }

    @Override
    public Decoder create(PixelCnnConfig config, BuildContext context) {
        config.validate();
        long[] shape = context.dataShape();
        if (shape.length != 3) {
            throw new ConfigException("type", "a PixelCNN decoder needs image data [C, H, W]; this data's shape is "
                    + Arrays.toString(shape));
        }
        long dims = context.dataDimensions();
        long out = context.outputWidth();
        if (out % dims != 0) {
            throw new ConfigException("type", "a PixelCNN decoder gives whole parameters per value; asked for " + out
                    + " outputs for " + dims + " values");
        }
        return new PixelCnnDecoder(context.inputWidth(), context.data(), out / dims, config,
                Initializer.named(config.init), context.dataType(), context.random());
    }
}
