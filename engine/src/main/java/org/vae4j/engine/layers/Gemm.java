package org.vae4j.engine.layers;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code c = alpha * op(a) op(b) + beta * c} for the layers: the one place that picks how.
 *
 * <p>FLOAT products run as libnd4j's {@code matmul} op, which the oneDNN build of nd4j-native
 * executes with oneDNN's GEMM (about twice OpenBLAS's speed at the shapes of vae4j's networks,
 * docs/BENCHMARKS.md); the transposes and {@code beta} (gradient accumulation) are part of the
 * same primitive. Other types, such as the DOUBLE of the gradient checks, go to BLAS directly.
 */
public final class Gemm {
    private Gemm() {
    }

    /**
     * @param a      {@code [m, k]}, or {@code [k, m]} if {@code transA}; c-contiguous
     * @param b      {@code [k, n]}, or {@code [n, k]} if {@code transB}; c-contiguous
     * @param c      {@code [m, n]}, c-contiguous; overwritten (beta = 0) or added to
     * @param transA whether to use a's transpose
     * @param transB whether to use b's transpose
     * @param alpha  the product's factor
     * @param beta   c's factor
     */
    public static void gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha,
                            double beta) {
        if (fast(a, b, c)) {
            Nd4j.exec(new Mmul(a, b, c, alpha, beta, MMulTranspose.builder().transposeA(transA).transposeB(transB)
                    .build()));
        } else {
            Nd4j.gemm(a, b, c, transA, transB, alpha, beta);
        }
    }

    /** @return whether the product can run as the matmul op: FLOAT, c-order, contiguous */
    private static boolean fast(INDArray a, INDArray b, INDArray c) {
        return c.dataType() == DataType.FLOAT && a.dataType() == DataType.FLOAT && b.dataType() == DataType.FLOAT
                && c.ordering() == 'c' && a.ordering() == 'c' && b.ordering() == 'c'
                && a.elementWiseStride() == 1 && b.elementWiseStride() == 1 && c.elementWiseStride() == 1;
    }
}
