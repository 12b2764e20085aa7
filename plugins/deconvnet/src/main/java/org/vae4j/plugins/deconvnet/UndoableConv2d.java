package org.vae4j.plugins.deconvnet;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.api.Pass;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.ShapeMismatchException;
import org.vae4j.engine.layers.conv.Conv2d;
import org.vae4j.engine.layers.conv.ConvArithmetic;
import org.vae4j.engine.layers.conv.ConvTranspose2d;
import org.vae4j.engine.layers.conv.Size2d;

/**
 * Undoes a convolution by the transposed convolution with the same weights and no bias, as
 * Zeiler and Fergus do (seed 004's {@code UndoableConv2d}). The context is the input's height
 * and width, as seed 004's {@code x.shape[-2:]}.
 *
 * <p>The engine's {@link ConvTranspose2d} stores its weight {@code [in, out/groups, kH, kW]};
 * the convolution's {@code [out, in/groups, kH, kW]} is exactly that layout for the transposed
 * map from the convolution's output channels back to its input channels, so the same array is
 * used as it is, also with channel groups. A strided convolution maps several input sizes to the
 * same output size (floor rule); the output padding picks the one remembered in the context:
 * {@code H - ((oH - 1) stride - 2 padding + dilation (kernel - 1) + 1)}, which is always smaller
 * than the stride. With it the undo has exactly the input's shape for any stride, padding,
 * dilation and groups (kernel 7, stride 2 on 32x32 comes back 32x32 although the convolution
 * never reads the last row and column). The undo equals the convolution's input gradient.
 */
public final class UndoableConv2d implements Undoable<Size2d> {
    private final Conv2d original;
    private final Map<String, ConvTranspose2d> transposed = new HashMap<>();

    /** @param original the engine convolution */
    public UndoableConv2d(Conv2d original) {
        this.original = original;
    }

    @Override
    public Layer original() {
        return original;
    }

    @Override
    public Forward<Size2d> forward(INDArray x) {
        INDArray y = original.forward(x, Pass.inference()).dup();
        return new Forward<>(y, Size2d.of(x.size(2), x.size(3)));
    }

    /**
     * @param s       an array shaped like the convolution's output {@code [N, out, oH, oW]}
     * @param context the input's height and width
     * @return the transposed convolution of {@code s} with the same weights and no bias,
     *         {@code [N, in, H, W]}
     */
    @Override
    public INDArray undo(INDArray s, Size2d context) {
        long[] out = original.outputShape();
        if (s.rank() != 4 || s.size(1) != out[0]) {
            throw new ShapeMismatchException(original.describe() + ": undo expects [N, " + out[0] + ", H, W], got "
                    + Arrays.toString(s.shape()));
        }
        ConvTranspose2d t = transposedFor(s.size(2), s.size(3), context);
        t.parameters().get(0).value().assign(original.weight().value());
        return t.forward(s.castTo(original.weight().value().dataType()), Pass.inference()).dup();
    }

    /**
     * @param outH   the convolution's output height
     * @param outW   the convolution's output width
     * @param input  the input height and width to come back to
     * @return the output padding that makes the transposed convolution of an {@code outH x outW}
     *         array exactly {@code input} in size
     * @throws ShapeMismatchException if no output padding can (the sizes do not belong together)
     */
    public Size2d outputPadding(long outH, long outW, Size2d input) {
        Size2d k = original.kernel();
        Size2d st = original.stride();
        Size2d p = original.padding();
        Size2d d = original.dilation();
        long ph = input.h() - ConvArithmetic.transposedOutput(outH, k.h(), st.h(), p.h(), 0, d.h());
        long pw = input.w() - ConvArithmetic.transposedOutput(outW, k.w(), st.w(), p.w(), 0, d.w());
        if (ph < 0 || pw < 0 || ph >= Math.max(st.h(), d.h()) || pw >= Math.max(st.w(), d.w())) {
            throw new ShapeMismatchException(original.describe() + ": an output of " + outH + "x" + outW
                    + " does not come from an input of " + input.h() + "x" + input.w());
        }
        return Size2d.of(ph, pw);
    }

    private ConvTranspose2d transposedFor(long outH, long outW, Size2d input) {
        Size2d op = outputPadding(outH, outW, input);
        String key = outH + "x" + outW + "+" + op;
        return transposed.computeIfAbsent(key, unused -> {
            long[] in = original.inputShape();
            INDArray w = original.weight().value();
            // the initial weights are overwritten before every use
            return new ConvTranspose2d(new long[] {original.outputShape()[0], outH, outW}, in[0], original.kernel(),
                    original.stride(), original.padding(), op, original.dilation(), original.groups(), false,
                    Initializer.PYTORCH, w.dataType(), Nd4j.getRandom());
        });
    }

    @Override
    public String rule() {
        return "transposed convolution with the same weights, bias removed";
    }
}
