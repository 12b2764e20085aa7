package org.vae4j.plugins.vae.pixelcnn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vae4j.api.Layer;
import org.vae4j.api.AutoregressiveDecoder;
import org.vae4j.api.Likelihood;
import org.vae4j.api.Pass;
import org.vae4j.api.data.DataInfo;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Dense;
import org.vae4j.engine.layers.OffHeap;
import org.vae4j.engine.layers.ReLU;
import org.vae4j.engine.layers.Scratch;
import org.vae4j.engine.layers.Sequential;
import org.vae4j.engine.layers.conv.Conv2d;
import org.vae4j.engine.layers.conv.Flatten;
import org.vae4j.engine.layers.conv.MaskedConv2d;
import org.vae4j.engine.layers.conv.Reshape;

/**
 * A PixelCNN decoder conditioned on the latent code (van den Oord et al. 2016; conditioned as in
 * PixelVAE, Gulrajani et al. 2017): a type-A masked convolution of the data's pixels plus a map
 * of z (a dense layer to {@code [channels, H, W]}, so z can say where as well as what), then
 * ReLU and type-B masked layers, then two 1x1 convolutions to the likelihood's P parameters per
 * value. The parameters of pixel i see z and the pixels before i only (raster order; the channels
 * of one pixel are predicted together), so drawing is pixel by pixel.
 *
 * <p>Its receptive field is small on purpose (a few rows above each pixel with the defaults): the
 * local texture is the PixelCNN's, the global shape must come through z, so the code stays in
 * use instead of the decoder modelling everything itself.
 */
public final class PixelCnnDecoder implements AutoregressiveDecoder {
    private final long latentDim;
    private final long[] image;
    private final long pixels;
    private final long dimensions;
    private final long parametersPerValue;
    private final DataInfo data;
    private final DataType dataType;
    private final Sequential condition;
    private final MaskedConv2d first;
    private final Sequential trunk;
    private final String description;
    private final PixelCnnConfig config;
    /** Rows above a pixel its parameters can depend on. */
    private final long reach;
    private INDArray observed;
    /** The same layers over a strip of rows, for drawing; built on first use, weights copied per draw. */
    private MaskedConv2d stripFirst;
    private Sequential stripTrunk;

    /** What a run keeps: the sum of the two paths. */
    private static final class State {
        final Scratch sum = new Scratch();
    }

    /**
     * @param latentDim          L
     * @param data               the data, of shape {@code [C, H, W]}
     * @param parametersPerValue P, the likelihood's parameters per value
     * @param config             the sizes
     * @param init               how to draw the first weights
     * @param dataType           the floating-point type
     * @param random             the stream of the first weights
     */
    public PixelCnnDecoder(long latentDim, DataInfo data, long parametersPerValue, PixelCnnConfig config,
                           Initializer init, DataType dataType, Random random) {
        long[] shape = data.shape();
        if (shape.length != 3) {
            throw new IllegalArgumentException("a PixelCNN decoder needs images [C, H, W], the data's shape is "
                    + java.util.Arrays.toString(shape));
        }
        this.latentDim = latentDim;
        this.image = shape;
        this.pixels = shape[1] * shape[2];
        this.dimensions = data.dimensions();
        this.parametersPerValue = parametersPerValue;
        this.data = data;
        this.dataType = dataType;
        long c = config.channels;
        long[] hidden = {c, shape[1], shape[2]};
        this.condition = new Sequential(List.of(new Dense(latentDim, c * pixels, init, dataType, random),
                new Reshape(new long[] {c * pixels}, hidden)));
        this.first = new MaskedConv2d(shape, c, config.firstKernel, MaskedConv2d.Type.A, init, dataType, random);
        this.trunk = trunk(config, shape[1], init, random);
        this.config = config;
        this.reach = config.firstKernel / 2 + (long) config.layers * (config.kernel / 2);
        this.description = "PixelCNN(z " + latentDim + " -> Dense -> " + c + "x" + shape[1] + "x" + shape[2] + " + "
                + first.describe() + " -> " + trunk.describe() + ")";
    }

    /** ReLU, the type-B layers, two 1x1 convolutions to P values per image channel, over {@code rows} rows. */
    private Sequential trunk(PixelCnnConfig config, long rows, Initializer init, Random random) {
        long[] hidden = {config.channels, rows, image[2]};
        List<Layer> layers = new ArrayList<>();
        layers.add(new ReLU(hidden));
        for (int i = 0; i < config.layers; i++) {
            layers.add(new MaskedConv2d(hidden, config.channels, config.kernel, MaskedConv2d.Type.B, init, dataType,
                    random));
            layers.add(new ReLU(hidden));
        }
        layers.add(new Conv2d(hidden, config.channels, 1, 1, 0, init, dataType, random));
        layers.add(new ReLU(hidden));
        long outChannels = parametersPerValue * image[0];
        layers.add(new Conv2d(hidden, outChannels, 1, 1, 0, init, dataType, random));
        layers.add(new Flatten(outChannels, rows, image[2]));
        return new Sequential(layers);
    }

    @Override
    public long[] inputShape() {
        return new long[] {latentDim};
    }

    @Override
    public long[] outputShape() {
        return new long[] {parametersPerValue * dimensions};
    }

    @Override
    public void observe(INDArray targets) {
        if (targets.rank() != 2 || targets.size(1) != dimensions) {
            throw new IllegalArgumentException("PixelCNN decoder: expects targets [N, " + dimensions + "], got "
                    + java.util.Arrays.toString(targets.shape()));
        }
        INDArray intensities = data.targetsToIntensities(targets);
        INDArray typed = intensities.dataType() == dataType ? intensities : intensities.castTo(dataType);
        if (typed != intensities) {
            OffHeap.free(intensities);
        }
        // one observation lives at a time: the previous one's runs and backward passes are done
        // (the model shows the targets right before each scoring run), and ND4J frees off-heap
        // buffers only when the garbage collector gets to them, one image batch per step
        forget();
        observed = typed.reshape('c', targets.size(0), image[0], image[1], image[2]);
    }

    @Override
    public void forget() {
        OffHeap.free(observed);
        observed = null;
    }

    @Override
    public INDArray forward(INDArray z, Pass pass) {
        if (observed == null || observed.size(0) != z.size(0)) {
            throw new IllegalStateException("PixelCNN decoder: " + (observed == null ? "no examples observed"
                    : observed.size(0) + " examples observed for " + z.size(0) + " codes")
                    + "; it scores data it is shown (observe) before each run");
        }
        INDArray a = first.forward(observed, pass);
        INDArray m = condition.forward(z, pass);
        State s = pass.state(this, State::new);
        INDArray sum = s.sum.like(a);
        sum.assign(a).addi(m);
        return trunk.forward(sum, pass);
    }

    @Override
    public INDArray backward(INDArray gradOutput, Pass pass, boolean needInputGradient) {
        INDArray g = trunk.backward(gradOutput, pass, true);
        first.backward(g, pass, false);
        return condition.backward(g, pass, needInputGradient);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The parameters of a pixel in row r depend on rows r - reach .. r only, so each step runs
     * the layers over that strip of rows (with the map of z computed once), not the whole image:
     * the same numbers as a run over the whole image (a test checks), several times faster.
     */
    @Override
    public INDArray sample(INDArray codes, Likelihood likelihood, Random random) {
        long n = codes.size(0);
        long height = image[1];
        long width = image[2];
        long rows = Math.min(height, reach + 1);
        bindStrip(rows);
        INDArray z = codes.dataType() == dataType ? codes : codes.castTo(dataType);
        Pass pass = Pass.inference();
        INDArray map = condition.forward(z, pass).dup();
        INDArray drawn = Nd4j.zeros(dataType, n, dimensions);
        INDArray drawnImage = drawn.reshape('c', n, image[0], height, width);
        INDArray params = Nd4j.zeros(dataType, n, parametersPerValue * dimensions);
        INDArray paramImage = params.reshape('c', n, parametersPerValue * image[0], height, width);
        INDArray input = Nd4j.createUninitialized(dataType, n, image[0], rows, width);
        INDArray sum = Nd4j.createUninitialized(dataType, n, config.channels, rows, width);
        for (long r = 0; r < height; r++) {
            long top = Math.max(0, Math.min(r - reach, height - rows));
            NDArrayIndexRows strip = new NDArrayIndexRows(top, rows);
            for (long col = 0; col < width; col++) {
                INDArray shown = data.targetsToIntensities(drawnImage.get(strip.all4()));
                input.assign(shown);
                OffHeap.free(shown);
                INDArray a = stripFirst.forward(input, pass);
                sum.assign(a).addi(map.get(strip.all4()));
                INDArray out = stripTrunk.forward(sum, pass).reshape('c', n, parametersPerValue * image[0], rows, width);
                paramImage.get(strip.all4()).assign(out);
                INDArray all = likelihood.sample(params, random);
                for (long c = 0; c < image[0]; c++) {
                    long d = (c * height + r) * width + col;
                    drawn.get(NDArrayIndex.all(), NDArrayIndex.point(d))
                            .assign(all.get(NDArrayIndex.all(), NDArrayIndex.point(d)));
                }
                OffHeap.free(all);
            }
        }
        OffHeap.free(map, params, input, sum);
        return drawn;
    }

    /** Rows {@code top .. top + count - 1} of {@code [N, C, H, W]} arrays. */
    private record NDArrayIndexRows(long top, long count) {
        org.nd4j.linalg.indexing.INDArrayIndex[] all4() {
            return new org.nd4j.linalg.indexing.INDArrayIndex[] {NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.interval(top, top + count), NDArrayIndex.all()};
        }
    }

    /** Builds the strip's layers once, and copies this decoder's current weights into them. */
    private void bindStrip(long rows) {
        if (stripFirst == null) {
            Random throwaway = Nd4j.getRandomFactory().getNewRandomInstance(0);
            Initializer init = Initializer.named(config.init);
            stripFirst = new MaskedConv2d(new long[] {image[0], rows, image[2]}, config.channels, config.firstKernel,
                    MaskedConv2d.Type.A, init, dataType, throwaway);
            stripTrunk = trunk(config, rows, init, throwaway);
        }
        share(first.parameters(), stripFirst.parameters());
        List<org.vae4j.api.Parameter> from = new ArrayList<>();
        List<org.vae4j.api.Parameter> to = new ArrayList<>();
        for (int i = 0; i < trunk.children().size(); i++) {
            from.addAll(trunk.children().get(i).parameters());
            to.addAll(stripTrunk.children().get(i).parameters());
        }
        share(from, to);
    }

    private static void share(List<org.vae4j.api.Parameter> from, List<org.vae4j.api.Parameter> to) {
        for (int i = 0; i < from.size(); i++) {
            to.get(i).value().assign(from.get(i).value());
        }
    }

    @Override
    public List<Layer> children() {
        return List.of(condition, first, trunk);
    }

    @Override
    public String describe() {
        return description;
    }
}
