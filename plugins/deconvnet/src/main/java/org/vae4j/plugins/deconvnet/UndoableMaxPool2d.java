package org.vae4j.plugins.deconvnet;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.api.Pass;
import org.vae4j.engine.layers.ShapeMismatchException;
import org.vae4j.engine.layers.conv.MaxPool2d;
import org.vae4j.engine.layers.conv.Size2d;

/**
 * Undoes a max-pooling with the "switches" of Zeiler and Fergus: the forward pass remembers where
 * each window's maximum was (PyTorch's {@code return_indices}: the first maximum in row-major
 * order, an index into the input plane) and the input's shape; the undo puts every value back at
 * its window's argmax and zeros elsewhere, into an array of exactly the input's shape, so rows
 * and columns the floor-mode pooling never read (kernel 3 on 32x32 reads 30) come back as zeros.
 *
 * <p>When overlapping windows (kernel 3, stride 2, as in AlexNet) share an argmax, their values
 * are summed there, which makes the undo the adjoint of the pooling at its argmax, i.e. exactly
 * the max-pooling's backward pass. PyTorch's {@code max_unpool2d} writes one of them instead.
 */
public final class UndoableMaxPool2d implements Undoable<UndoableMaxPool2d.Switches> {
    private final MaxPool2d original;

    /**
     * The context of a max-pooling pass.
     *
     * @param indices    for every output value in C order, the index of its argmax within its
     *                   input plane ({@code row * W + column})
     * @param inputShape the input's shape {@code [N, C, H, W]}
     */
    public record Switches(int[] indices, long[] inputShape) {
        /** @return the input's height and width, as seed 004's context {@code x.shape[-2:]} */
        public Size2d inputSize() {
            return Size2d.of(inputShape[2], inputShape[3]);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Switches s && Arrays.equals(indices, s.indices) && Arrays.equals(inputShape, s.inputShape);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(indices) + Arrays.hashCode(inputShape);
        }

        @Override
        public String toString() {
            return "Switches(" + indices.length + " argmax positions, input " + Arrays.toString(inputShape) + ")";
        }
    }

    /** @param original the engine max-pooling */
    public UndoableMaxPool2d(MaxPool2d original) {
        this.original = original;
    }

    @Override
    public Layer original() {
        return original;
    }

    @Override
    public Forward<Switches> forward(INDArray x) {
        INDArray y = original.forward(x, Pass.inference()).dup();
        long[] in = x.shape();
        long[] out = y.shape();
        int n = Math.toIntExact(in[0]);
        int c = Math.toIntExact(in[1]);
        int h = Math.toIntExact(in[2]);
        int w = Math.toIntExact(in[3]);
        int oh = Math.toIntExact(out[2]);
        int ow = Math.toIntExact(out[3]);
        Size2d k = original.kernel();
        Size2d s = original.stride();
        Size2d p = original.padding();
        double[] v = x.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        int[] idx = new int[n * c * oh * ow];
        int o = 0;
        for (int plane = 0; plane < n * c; plane++) {
            int base = plane * h * w;
            for (int i = 0; i < oh; i++) {
                int r0 = (int) (i * s.h() - p.h());
                for (int j = 0; j < ow; j++) {
                    int c0 = (int) (j * s.w() - p.w());
                    int best = -1;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int r = Math.max(0, r0); r < Math.min(h, r0 + k.h()); r++) {
                        for (int col = Math.max(0, c0); col < Math.min(w, c0 + k.w()); col++) {
                            double val = v[base + r * w + col];
                            // strict: the first maximum wins ties; a NaN wins, as in PyTorch
                            if (best < 0 || val > max || Double.isNaN(val)) {
                                best = r * w + col;
                                max = val;
                            }
                        }
                    }
                    idx[o++] = best;
                }
            }
        }
        return new Forward<>(y, new Switches(idx, in.clone()));
    }

    /**
     * @return an array of the input's shape holding every value of {@code y} at its window's
     *         argmax (summed where windows share one) and zeros elsewhere
     */
    @Override
    public INDArray undo(INDArray y, Switches context) {
        long[] in = context.inputShape();
        int planes = Math.toIntExact(in[0] * in[1]);
        int hw = Math.toIntExact(in[2] * in[3]);
        if (y.rank() != 4 || y.size(0) != in[0] || y.size(1) != in[1] || y.length() != context.indices().length) {
            throw new ShapeMismatchException("UndoableMaxPool2d: the context holds " + context.indices().length
                    + " positions for input " + Arrays.toString(in) + ", got " + Arrays.toString(y.shape()));
        }
        double[] values = y.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        int perPlane = values.length / planes;
        double[] out = new double[planes * hw];
        int[] idx = context.indices();
        for (int i = 0; i < values.length; i++) {
            out[(i / perPlane) * hw + idx[i]] += values[i];
        }
        return Nd4j.create(out, in, 'c').castTo(y.dataType());
    }

    @Override
    public String rule() {
        return "values back at the remembered argmax positions (switches), zeros elsewhere";
    }
}
