package org.vae4j.engine.layers.conv;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Matrix products of channel-grouped convolutions. Every operand of a grouped convolution's
 * GEMMs (weight, column matrix, output, as stored, before any transpose flag) splits into
 * {@code groups} equal blocks of consecutive rows, and a row block of a c-order matrix is itself
 * a BLAS matrix, so a grouped convolution is one native GEMM per group on views, with no copies.
 */
final class GroupedGemm {
    private GroupedGemm() {
    }

    /**
     * For each group g, {@code C_g = op(A_g) op(B_g) + beta C_g}, where {@code X_g} is the g-th
     * of {@code groups} equal row blocks of X and op transposes when asked: beta 0 overwrites C,
     * beta 1 adds to it (gradients of parameters).
     *
     * @param a      the left operand as stored
     * @param b      the right operand as stored
     * @param c      the c-order result, overwritten
     * @param groups the number of groups, dividing the rows of all three
     * @param transA whether to use the transpose of each block of A
     * @param transB whether to use the transpose of each block of B
     * @param beta   0 to overwrite C, 1 to add to it
     */
    static void gemm(INDArray a, INDArray b, INDArray c, long groups, boolean transA, boolean transB, double beta) {
        if (groups == 1) {
            Nd4j.gemm(a, b, c, transA, transB, 1.0, beta);
            return;
        }
        long ra = a.rows() / groups;
        long rb = b.rows() / groups;
        long rc = c.rows() / groups;
        for (long g = 0; g < groups; g++) {
            Nd4j.gemm(rows(a, g * ra, ra), rows(b, g * rb, rb), rows(c, g * rc, rc), transA, transB, 1.0, beta);
        }
    }

    private static INDArray rows(INDArray m, long from, long count) {
        return m.get(NDArrayIndex.interval(from, from + count), NDArrayIndex.all());
    }

    /**
     * A matrix view of a contiguous array, such as a parameter or its gradient, which may be a
     * view into the engine's flat parameter vector: writing through it must reach that vector.
     *
     * @param a    a c-contiguous array
     * @param rows the rows wanted
     * @param cols the columns wanted; rows*cols must be its length
     * @return a {@code [rows, cols]} view sharing its storage
     * @throws IllegalStateException if no such view exists (the array is not contiguous)
     */
    static INDArray matrix(INDArray a, long rows, long cols) {
        INDArray m = Shape.newShapeNoCopy(a, new long[] {rows, cols}, false);
        if (m == null) {
            throw new IllegalStateException("array of shape " + java.util.Arrays.toString(a.shape())
                    + " and strides " + java.util.Arrays.toString(a.stride()) + " has no [" + rows + ", " + cols
                    + "] view");
        }
        return m;
    }
}
