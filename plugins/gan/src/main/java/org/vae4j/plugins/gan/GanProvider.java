package org.vae4j.plugins.gan;

import com.google.auto.service.AutoService;
import java.util.Arrays;
import org.vae4j.api.AutoregressiveDecoder;
import org.vae4j.api.Decoder;
import org.vae4j.api.Prior;
import org.vae4j.api.model.Model;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.api.spi.Provider;
import org.vae4j.api.spi.Slot;
import org.vae4j.plugins.gan.loss.GanLoss;

/**
 * The GAN model family, {@code "model": {"type": "gan", "latentDim": 100, "generator": ...,
 * "discriminator": ..., "prior": ..., "loss": ...}}. The generator is a decoder provider asked to
 * map {@code [L]} codes to the data's shape; the discriminator maps the data's shape to {@code [1]}.
 */
@AutoService(Provider.class)
public final class GanProvider extends AbstractProvider<Model, GanConfig> {
    /** Registers the {@code gan} family. */
    public GanProvider() {
        super(Model.class, "gan", GanConfig.class,
                "generative adversarial network: generator, discriminator, prior, adversarial loss",
                Slot.required("generator", Decoder.class),
                Slot.required("discriminator", Discriminator.class),
                Slot.optional("prior", Prior.class, "standard-normal"),
                Slot.optional("loss", GanLoss.class, "non-saturating"));
    }

    @Override
    public void validate(GanConfig config) {
        config.validate();
    }

    @Override
    public Model create(GanConfig config, BuildContext context) {
        config.validate();
        int latent = config.latentDim;
        long[] shape = context.dataShape();
        String data = "the data (" + Arrays.toString(shape) + ")";
        Prior prior = context.slot("prior").output("latentDim = " + latent, latent).latentDim(latent)
                .create(Prior.class);
        if (prior.latentDim() != latent) {
            throw new ConfigException("prior", "has " + prior.latentDim() + " dimensions, latentDim is " + latent);
        }
        Decoder generator = context.slot("generator").input("latentDim = " + latent, latent).output(data, shape)
                .latentDim(latent).create(Decoder.class);
        if (generator instanceof AutoregressiveDecoder) {
            throw new ConfigException("generator", "is autoregressive: it scores data it is shown pixel by pixel, "
                    + "and a generator has no data to be shown; use a decoder that maps z to an image (mlp, cnn)");
        }
        Discriminator discriminator = context.slot("discriminator").input(data, shape)
                .output("one logit per example", 1).latentDim(latent).create(Discriminator.class);
        GanLoss loss = context.slot("loss").create(GanLoss.class);
        return new GanModel(generator, discriminator, prior, loss, config.discriminatorSteps, context.data(),
                context.dataType());
    }
}
