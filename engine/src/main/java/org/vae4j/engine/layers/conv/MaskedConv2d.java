package org.vae4j.engine.layers.conv;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.api.Parameter;
import org.vae4j.api.Pass;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.ShapeMismatchException;

/**
 * PixelCNN's masked convolution (van den Oord et al. 2016): a stride-1 "same" convolution whose
 * kernel sees only the pixels before the centre in raster order (rows above, and the pixels left
 * of it in its own row), and the centre itself for mask type B. A stack of one type-A layer and
 * then type-B layers gives an output at pixel i that depends on input pixels before i only.
 *
 * <p>The channels of a pixel are not ordered among themselves: type A hides all channels of the
 * centre, type B shows all, so with several image channels each pixel's channels are predicted
 * together from the pixels before it (a valid autoregressive model, without the paper's R, G, B
 * ordering). The masked taps are held at zero: the weights are multiplied by the mask before each
 * forward run and their gradient after each backward run, so no optimizer moves them.
 */
public final class MaskedConv2d implements Layer {
    /** Which centre the kernel sees. */
    public enum Type {
        /** The first layer: the centre pixel hidden (its own value must not predict it). */
        A,
        /** Later layers: the centre shown (it holds what was computed from the pixels before). */
        B
    }

    private final Conv2d conv;
    private final Type type;
    private final INDArray mask;

    /**
     * @param inputShape  the per-example input {@code [C, H, W]}
     * @param outChannels the output channels
     * @param kernel      the odd kernel size; padding is {@code kernel / 2}, so H and W are kept
     * @param type        A or B
     * @param init        how to draw the first weights and bias (masked taps then zeroed)
     * @param dataType    the floating-point type
     * @param random      the random stream for initialization
     * @throws ShapeMismatchException for an even kernel
     */
    public MaskedConv2d(long[] inputShape, long outChannels, int kernel, Type type, Initializer init,
                        DataType dataType, Random random) {
        if (kernel < 1 || kernel % 2 == 0) {
            throw new ShapeMismatchException("MaskedConv2d: the kernel must be odd (a centre pixel), got " + kernel);
        }
        this.conv = new Conv2d(inputShape, outChannels, kernel, 1, kernel / 2, init, dataType, random);
        this.type = type;
        this.mask = mask(conv.weight().value().shape(), kernel, type, dataType);
        conv.weight().value().muli(mask);
    }

    /** @return 1 where the kernel sees, 0 where it must not, in the weight's shape */
    static INDArray mask(long[] shape, int kernel, Type type, DataType dataType) {
        int c = kernel / 2;
        double[] plane = new double[kernel * kernel];
        for (int i = 0; i < kernel; i++) {
            for (int j = 0; j < kernel; j++) {
                boolean before = i < c || (i == c && j < c);
                boolean centre = i == c && j == c;
                plane[i * kernel + j] = before || (centre && type == Type.B) ? 1 : 0;
            }
        }
        INDArray one = Nd4j.createFromArray(plane).reshape(1, 1, kernel, kernel).castTo(dataType);
        INDArray m = Nd4j.createUninitialized(dataType, shape, 'c');
        m.assign(one.broadcast(shape));
        return m;
    }

    @Override
    public long[] inputShape() {
        return conv.inputShape();
    }

    @Override
    public long[] outputShape() {
        return conv.outputShape();
    }

    @Override
    public INDArray forward(INDArray input, Pass pass) {
        // re-applied each run: checkpoints, fine-tuning or a user may have written the masked taps
        conv.weight().value().muli(mask);
        return conv.forward(input, pass);
    }

    @Override
    public INDArray backward(INDArray gradOutput, Pass pass, boolean needInputGradient) {
        INDArray g = conv.backward(gradOutput, pass, needInputGradient);
        conv.weight().gradient().muli(mask);
        return g;
    }

    @Override
    public List<Parameter> parameters() {
        return conv.parameters();
    }

    /** @return the mask type */
    public Type type() {
        return type;
    }

    /** @return the kernel's taps, 1 where it sees (a copy) */
    public INDArray mask() {
        return mask.dup();
    }

    @Override
    public String describe() {
        return "MaskedConv2d(" + type + ", " + conv.describe().substring("Conv2d(".length());
    }
}
