package org.vae4j.plugins.gan.discriminator;

import com.google.auto.service.AutoService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vae4j.api.Layer;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.api.spi.Provider;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Activations;
import org.vae4j.engine.layers.BatchNorm;
import org.vae4j.engine.layers.Dense;
import org.vae4j.engine.layers.conv.Conv2d;
import org.vae4j.engine.layers.conv.Flatten;
import org.vae4j.engine.layers.conv.Reshape;
import org.vae4j.plugins.gan.Discriminator;

/** {@code "discriminator": {"type": "cnn", ...}}: see {@link CnnDiscriminatorConfig}. */
@AutoService(Provider.class)
public final class CnnDiscriminatorProvider extends AbstractProvider<Discriminator, CnnDiscriminatorConfig> {
    /** Registers the {@code cnn} discriminator. */
    public CnnDiscriminatorProvider() {
        super(Discriminator.class, "cnn", CnnDiscriminatorConfig.class,
                "strided convolutions from an image to a logit (torch_gan.py's DCGAN discriminator by default)");
    }

    @Override
    public void validate(CnnDiscriminatorConfig config) {
        config.validate();
    }

    @Override
    public Discriminator create(CnnDiscriminatorConfig config, BuildContext context) {
        config.validate();
        long[] image = context.dataShape();
        if (image.length != 3) {
            throw new ConfigException("", "needs image data [channels, height, width]; the data's examples have shape "
                    + Arrays.toString(image));
        }
        Initializer init = Initializer.named(config.init);
        List<Layer> layers = new ArrayList<>();
        layers.add(new Reshape(new long[] {image[0] * image[1] * image[2]}, image));
        long[] shape = image;
        StringBuilder chain = new StringBuilder(image[1] + "x" + image[2]);
        for (int i = 0; i < config.filters.size(); i++) {
            long k = config.kernel;
            long p = config.padding;
            if (k > shape[1] + 2 * p || k > shape[2] + 2 * p) {
                throw new ConfigException("filters", "the " + config.filters.size() + " strided convolutions (kernel "
                        + k + ", stride " + config.stride + ", padding " + p + ") do not fit " + image[1] + "x"
                        + image[2] + " images: " + chain + ", and kernel " + k + " is larger than the padded input of "
                        + "convolution " + (i + 1) + "; use fewer filters, a smaller kernel or stride");
            }
            Conv2d conv = new Conv2d(shape, config.filters.get(i), k, config.stride, p, init, context.dataType(),
                    context.random());
            layers.add(conv);
            shape = conv.outputShape();
            chain.append(" -> ").append(shape[1]).append('x').append(shape[2]);
            if (config.batchNorm && i > 0) {
                layers.add(new BatchNorm(context.dataType(), shape));
            }
            layers.add(Activations.named(config.activation, config.negativeSlope, shape));
        }
        Flatten flat = new Flatten(shape);
        layers.add(flat);
        layers.add(new Dense(flat.outputShape()[0], context.outputWidth(), init, context.dataType(), context.random()));
        return new SequentialDiscriminator(layers);
    }
}
