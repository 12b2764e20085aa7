package org.vae4j.plugins.cnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.rng.Random;
import org.vae4j.api.Layer;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Activations;
import org.vae4j.engine.layers.BatchNorm;
import org.vae4j.engine.layers.Dense;
import org.vae4j.engine.layers.conv.ConvArithmetic;
import org.vae4j.engine.layers.conv.ConvTranspose2d;
import org.vae4j.engine.layers.conv.Conv2d;
import org.vae4j.engine.layers.conv.Flatten;
import org.vae4j.engine.layers.conv.Reshape;
import org.vae4j.engine.layers.conv.Size2d;

/**
 * Builds the layer lists of the {@code cnn} encoder and decoder from a configuration and the data
 * shape, after checking that the strided convolutions fit the images.
 */
final class Cnn {
    private Cnn() {
    }

    /**
     * The sizes the encoder's strided convolutions produce: element 0 is the image's
     * {@code [height, width]}, element i+1 the output of strided convolution i.
     *
     * @param config the checked configuration
     * @param image  {@code [C, H, W]}
     * @return one {@code [h, w]} per strided convolution, plus the input
     * @throws ConfigException naming {@code filters} if a kernel does not fit a padded feature map
     */
    static long[][] sizes(CnnConfig config, long[] image) {
        int n = config.filters.size();
        long k = config.kernel;
        long s = config.stride;
        long p = config.stridedPadding();
        long[][] sizes = new long[n + 1][];
        sizes[0] = new long[] {image[1], image[2]};
        StringBuilder chain = new StringBuilder(image[1] + "x" + image[2]);
        for (int i = 0; i < n; i++) {
            long h = sizes[i][0];
            long w = sizes[i][1];
            if (k > h + 2 * p || k > w + 2 * p) {
                throw new ConfigException("filters", "the " + n + " strided convolutions (kernel " + k + ", stride "
                        + s + ", padding " + p + ") do not fit " + image[1] + "x" + image[2] + " images: " + chain
                        + ", and kernel " + k + " is larger than the padded " + (h + 2 * p) + "x" + (w + 2 * p)
                        + " input of strided convolution " + (i + 1) + "; use fewer filters, a smaller kernel, a "
                        + "smaller stride or more padding");
            }
            sizes[i + 1] = new long[] {ConvArithmetic.convOutput(h, k, s, p, 1), ConvArithmetic.convOutput(w, k, s, p, 1)};
            chain.append(" -> ").append(sizes[i + 1][0]).append('x').append(sizes[i + 1][1]);
        }
        return sizes;
    }

    /**
     * Checks the configuration and that the data are images the architecture is meant for.
     *
     * @return the data shape {@code [C, H, W]}
     */
    static long[] imageShape(CnnConfig config, BuildContext context) {
        config.validate();
        long[] shape = context.dataShape();
        if (shape.length != 3) {
            throw new ConfigException("", "needs image data [channels, height, width]; the data's examples have shape "
                    + Arrays.toString(shape));
        }
        if (config.imageShape != null) {
            long[] wanted = new long[3];
            for (int i = 0; i < 3; i++) {
                wanted[i] = config.imageShape.get(i);
            }
            if (!Arrays.equals(wanted, shape)) {
                String what = wanted[0] != shape[0] && (wanted[1] != shape[1] || wanted[2] != shape[2])
                        ? "channels and sizes" : wanted[0] != shape[0] ? "channels" : "sizes";
                throw new ConfigException("imageShape", "the architecture is built for " + show(wanted)
                        + " images (channels x height x width), but the data's images are " + show(shape)
                        + ": their " + what + " differ");
            }
        }
        return shape;
    }

    static List<Layer> encoder(CnnConfig config, BuildContext context) {
        long[] image = imageShape(config, context);
        long[][] sizes = sizes(config, image);
        Initializer init = Initializer.named(config.init);
        DataType type = context.dataType();
        Random random = context.random();
        List<Layer> layers = new ArrayList<>();
        layers.add(new Reshape(new long[] {image[0] * image[1] * image[2]}, image));
        long[] shape = image;
        int n = config.filters.size();
        for (int i = 0; i < n; i++) {
            long f = config.filters.get(i);
            shape = add(layers, new Conv2d(shape, f, config.kernel, config.stride, config.stridedPadding(), init, type,
                    random), config, i > 0, type);
            if (!Arrays.equals(new long[] {sizes[i + 1][0], sizes[i + 1][1]}, new long[] {shape[1], shape[2]})) {
                throw new IllegalStateException("strided convolution " + (i + 1) + " gave " + show(shape));
            }
            if (i < n - 1) {
                for (int r = 1; r < config.depth; r++) {
                    shape = add(layers, new Conv2d(shape, f, config.kernel, 1, (config.kernel - 1) / 2, init, type,
                            random), config, true, type);
                }
            }
        }
        Flatten flat = new Flatten(shape);
        layers.add(flat);
        layers.add(new Dense(flat.outputShape()[0], context.outputWidth(), init, type, random));
        return layers;
    }

    static List<Layer> decoder(CnnDecoderConfig config, BuildContext context) {
        long[] image = imageShape(config, context);
        long[][] sizes = sizes(config, image);
        Initializer init = Initializer.named(config.init);
        DataType type = context.dataType();
        Random random = context.random();
        int n = config.filters.size();
        long outChannels = parametersPerPixel(context, image) * image[0];
        List<Layer> layers = new ArrayList<>();
        long[] bottom = {config.filters.get(n - 1), sizes[n][0], sizes[n][1]};
        long width = bottom[0] * bottom[1] * bottom[2];
        add(layers, new Dense(context.inputWidth(), width, init, type, random), config, true, type);
        layers.add(new Reshape(new long[] {width}, bottom));
        long[] shape = bottom;
        long k = config.kernel;
        long s = config.stride;
        long p = config.stridedPadding();
        for (int i = n - 1; i >= 0; i--) {
            long out = i > 0 ? config.filters.get(i - 1) : outChannels;
            long[] target = sizes[i];
            long opH = target[0] - ConvArithmetic.transposedOutput(shape[1], k, s, p, 0, 1);
            long opW = target[1] - ConvArithmetic.transposedOutput(shape[2], k, s, p, 0, 1);
            ConvTranspose2d up = new ConvTranspose2d(shape, out,
                    Size2d.of(k), Size2d.of(s),
                    Size2d.of(p), Size2d.of(opH, opW),
                    Size2d.of(1), 1, true, init, type, random);
            if (i > 0) {
                shape = add(layers, up, config, true, type);
                for (int r = 1; r < config.depth; r++) {
                    shape = add(layers, new Conv2d(shape, out, config.kernel, 1, (config.kernel - 1) / 2, init, type,
                            random), config, true, type);
                }
            } else {
                layers.add(up);
                shape = up.outputShape();
                if (!"none".equals(config.outputActivation)) {
                    layers.add(Activations.named(config.outputActivation, config.negativeSlope, shape));
                }
            }
        }
        if (!Arrays.equals(shape, new long[] {outChannels, image[1], image[2]})) {
            throw new IllegalStateException("the decoder ends at " + show(shape) + ", not " + outChannels + "x"
                    + image[1] + "x" + image[2]);
        }
        layers.add(new Flatten(shape));
        return layers;
    }

    /**
     * @return P, the values the decoder emits per data value: its output width over the data's
     *         (P likelihood parameters per pixel)
     * @throws ConfigException if the output is not a whole multiple of the image
     */
    static long parametersPerPixel(BuildContext context, long[] image) {
        long d = image[0] * image[1] * image[2];
        long out = context.outputWidth();
        if (out < d || out % d != 0) {
            throw new ConfigException("", "must emit a whole number of values per pixel of the "
                    + show(image) + " images (" + d + " values), but " + out + " are wanted");
        }
        return out / d;
    }

    /**
     * Adds a layer, batch normalization if the configuration asks for it and {@code normalize},
     * and the activation, returning the output shape.
     */
    private static long[] add(List<Layer> layers, Layer layer, CnnConfig config, boolean normalize, DataType type) {
        long[] shape = layer.outputShape();
        layers.add(layer);
        if (config.batchNorm && normalize) {
            layers.add(new BatchNorm(type, shape));
        }
        layers.add(Activations.named(config.activation, config.negativeSlope, shape));
        return shape;
    }

    static String show(long[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? "x" : "").append(shape[i]);
        }
        return sb.toString();
    }
}
