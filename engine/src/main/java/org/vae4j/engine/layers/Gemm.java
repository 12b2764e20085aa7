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
 * Before either, FLOAT products are offered to the {@link MatrixKernels} on the class path, if any
 * (the CPU build's oneDNN matmul primitives, created once per shape; docs/BENCHMARKS.md).
 */
public final class Gemm {
    /** The faster kernels of the build, or null. */
    private static final MatrixKernels KERNELS = Kernels.find(MatrixKernels.class, "libnd4j's matmul");

    private Gemm() {
    }

    /**
     * {@code y = x w + bias}, the bias added to every row: one fused primitive on the kernels,
     * otherwise a product and a broadcast addition.
     *
     * @param x    {@code [m, k]}, c-contiguous
     * @param w    {@code [k, n]}, c-contiguous
     * @param bias {@code [1, n]}
     * @param y    {@code [m, n]}, c-contiguous; overwritten
     */
    public static void affine(INDArray x, INDArray w, INDArray bias, INDArray y) {
        if (KERNELS != null && y.dataType() == DataType.FLOAT && KERNELS.affine(x, w, bias, y)) {
            return;
        }
        gemm(x, w, y, false, false, 1.0, 0.0);
        y.addiRowVector(bias);
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
        if (KERNELS != null && c.dataType() == DataType.FLOAT && KERNELS.gemm(a, b, c, transA, transB, alpha, beta)) {
            return;
        }
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
