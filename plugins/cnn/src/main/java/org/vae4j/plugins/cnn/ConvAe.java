package org.vae4j.plugins.cnn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.rng.Random;
import org.vae4j.api.Layer;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Activations;
import org.vae4j.engine.layers.Dense;
import org.vae4j.engine.layers.conv.AvgPool2d;
import org.vae4j.engine.layers.conv.Conv2d;
import org.vae4j.engine.layers.conv.ConvArithmetic;
import org.vae4j.engine.layers.conv.ConvTranspose2d;
import org.vae4j.engine.layers.conv.Flatten;
import org.vae4j.engine.layers.conv.Reshape;
import org.vae4j.engine.layers.conv.Size2d;
import org.vae4j.engine.layers.conv.Upsample;

/**
 * Builds the layers of seed 004's convolutional autoencoder (exercise 3) for a data shape
 * {@code [C, H, W]} and padding {@code p = kernel / 2}:
 * <pre>
 * encoder: reshape to C x H x W, Conv2d(C -> channels), activation, AvgPool2d(pooling),
 *          Conv2d(channels -> P x codeChannels), flatten            (spatial latent)
 *          ... Conv2d(channels -> codeChannels), activation, flatten, Dense(-> P x latentDim)  (dense)
 * decoder: reshape to codeChannels x h x w                            (spatial latent)
 *          Dense(latentDim -> codeChannels h w), activation, reshape  (dense)
 *          ConvTranspose2d(codeChannels -> channels), activation, Upsample(pooling),
 *          ConvTranspose2d(channels -> P' x C), flatten: logits
 * </pre>
 * where P is 2 for a VAE's mean and log-variance (1 for an autoencoder) and P' the likelihood's
 * parameters per pixel. The decoder mirrors the encoder with upsampling in place of pooling; the
 * transposed convolutions' output paddings make every size come back exactly.
 */
final class ConvAe {
    /** The sizes of the encoder's grids, for the decoder to mirror. */
    private record Geometry(long c, long h, long w, Size2d afterConv1, Size2d afterPool, Size2d code) {
    }

    private ConvAe() {
    }

    private static Geometry geometry(ConvAeConfig config, long[] dataShape) {
        ConfigException.require(dataShape.length == 3, "",
                "conv-ae needs images [C, H, W], the data's shape is " + java.util.Arrays.toString(dataShape));
        long k = config.kernel;
        long p = k / 2;
        long h1 = ConvArithmetic.convOutput(dataShape[1], k, config.stride, p, 1);
        long w1 = ConvArithmetic.convOutput(dataShape[2], k, config.stride, p, 1);
        ConfigException.require(h1 >= 1 && w1 >= 1, "kernel",
                "kernel " + k + " with stride " + config.stride + " leaves nothing of a " + dataShape[1] + "x"
                        + dataShape[2] + " image");
        ConfigException.require(h1 % config.pooling == 0 && w1 % config.pooling == 0, "pooling",
                "the first convolution's output " + h1 + "x" + w1 + " is not a multiple of pooling " + config.pooling
                        + ", so upsampling could not restore it; change kernel, stride or pooling");
        long h2 = h1 / config.pooling;
        long w2 = w1 / config.pooling;
        long h3 = ConvArithmetic.convOutput(h2, k, config.stride, p, 1);
        long w3 = ConvArithmetic.convOutput(w2, k, config.stride, p, 1);
        ConfigException.require(h3 >= 1 && w3 >= 1, "kernel",
                "the second convolution leaves nothing of the pooled " + h2 + "x" + w2 + " grid");
        return new Geometry(dataShape[0], dataShape[1], dataShape[2], Size2d.of(h1, w1), Size2d.of(h2, w2),
                Size2d.of(h3, w3));
    }

    /** The channels of the code grid. */
    private static long codeChannels(ConvAeConfig config, Geometry g, int latentDim) {
        long positions = g.code().h() * g.code().w();
        if ("dense".equals(config.latent)) {
            return config.codeChannels == null ? 16 : config.codeChannels;
        }
        ConfigException.require(latentDim % positions == 0, "latent",
                "with a spatial latent, latentDim must be code channels x " + g.code().h() + " x " + g.code().w()
                        + " (the code grid), a multiple of " + positions + ", e.g. " + 16 * positions
                        + " for 16 channels; got " + latentDim + " (or use \"latent\": \"dense\")");
        long c = latentDim / positions;
        ConfigException.require(config.codeChannels == null || config.codeChannels == c, "codeChannels",
                "is " + config.codeChannels + " but latentDim " + latentDim + " / " + positions + " code positions gives "
                        + c);
        return c;
    }

    /** The latent size the model family gave, or the code's width when it gave none. */
    private static int latentDim(BuildContext context) {
        return context.latentDim() > 0 ? context.latentDim() : (int) context.outputWidth();
    }

    static List<Layer> encoder(ConvAeConfig config, BuildContext context) {
        config.validate();
        Geometry g = geometry(config, context.dataShape());
        int latent = latentDim(context);
        ConfigException.require(context.outputWidth() % latent == 0, "",
                "the encoder must emit " + context.outputWidth() + " values, not a multiple of latentDim " + latent);
        long per = context.outputWidth() / latent;
        long code = codeChannels(config, g, latent);
        boolean dense = "dense".equals(config.latent);
        Initializer init = Initializer.named(config.init);
        DataType t = context.dataType();
        Random r = context.random();
        Size2d k = Size2d.of(config.kernel);
        Size2d s = Size2d.of(config.stride);
        Size2d p = Size2d.of(config.kernel / 2);
        List<Layer> layers = new ArrayList<>();
        long[] image = {g.c(), g.h(), g.w()};
        layers.add(new Reshape(new long[] {g.c() * g.h() * g.w()}, image));
        Conv2d conv1 = new Conv2d(image, config.channels, k, s, p, Size2d.of(1), 1, true, init, t, r);
        layers.add(conv1);
        layers.add(Activations.named(config.activation, conv1.outputShape()));
        AvgPool2d pool = new AvgPool2d(conv1.outputShape(), config.pooling);
        layers.add(pool);
        Conv2d conv2 = new Conv2d(pool.outputShape(), dense ? code : per * code, k, s, p, Size2d.of(1), 1, true, init,
                t, r);
        layers.add(conv2);
        if (dense) {
            layers.add(Activations.named(config.activation, conv2.outputShape()));
        }
        Flatten flat = new Flatten(conv2.outputShape());
        layers.add(flat);
        if (dense) {
            layers.add(new Dense(flat.outputShape()[0], context.outputWidth(), init, t, r));
        }
        return layers;
    }

    static List<Layer> decoder(ConvAeConfig config, BuildContext context) {
        config.validate();
        Geometry g = geometry(config, context.dataShape());
        int latent = (int) context.inputWidth();
        long code = codeChannels(config, g, latent);
        boolean dense = "dense".equals(config.latent);
        Initializer init = Initializer.named(config.init);
        DataType t = context.dataType();
        Random r = context.random();
        Size2d k = Size2d.of(config.kernel);
        Size2d s = Size2d.of(config.stride);
        long pad = config.kernel / 2;
        Size2d p = Size2d.of(pad);
        long[] grid = {code, g.code().h(), g.code().w()};
        long cells = code * g.code().h() * g.code().w();
        List<Layer> layers = new ArrayList<>();
        if (dense) {
            layers.add(new Dense(latent, cells, init, t, r));
            layers.add(Activations.named(config.activation, cells));
        }
        layers.add(new Reshape(new long[] {cells}, grid));
        Size2d op2 = outputPadding(g.code(), g.afterPool(), config.kernel, config.stride, pad);
        ConvTranspose2d up1 = new ConvTranspose2d(grid, config.channels, k, s, p, op2, Size2d.of(1), 1, true, init, t, r);
        layers.add(up1);
        layers.add(Activations.named(config.activation, up1.outputShape()));
        Upsample up = new Upsample(up1.outputShape(), config.pooling);
        layers.add(up);
        long outChannels = Cnn.parametersPerPixel(context, new long[] {g.c(), g.h(), g.w()}) * g.c();
        Size2d op1 = outputPadding(g.afterConv1(), Size2d.of(g.h(), g.w()), config.kernel, config.stride, pad);
        ConvTranspose2d up2 = new ConvTranspose2d(up.outputShape(), outChannels, k, s, p, op1, Size2d.of(1), 1, true,
                init, t, r);
        layers.add(up2);
        layers.add(new Flatten(up2.outputShape()));
        return layers;
    }

    /** The output padding with which a transposed convolution maps {@code from} back to {@code to}. */
    private static Size2d outputPadding(Size2d from, Size2d to, long kernel, long stride, long pad) {
        return Size2d.of(to.h() - ConvArithmetic.transposedOutput(from.h(), kernel, stride, pad, 0, 1),
                to.w() - ConvArithmetic.transposedOutput(from.w(), kernel, stride, pad, 0, 1));
    }
}
