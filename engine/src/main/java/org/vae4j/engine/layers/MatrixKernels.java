package org.vae4j.engine.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Faster FLOAT matrix products for the backend in use, found with {@link java.util.ServiceLoader}:
 * the CPU build ships {@code vae4j-onednn}, which runs them as oneDNN matmul primitives created once
 * per shape, the bias fused; a build without such a module runs libnd4j's {@code matmul} op.
 * {@link Gemm} offers every product to the kernels first and takes its own path when a method
 * returns {@code false}.
 *
 * <p>An implementation returns {@code false}, having written nothing, for arrays it does not serve
 * (not FLOAT, not dense in C order, not in host memory). It must give the same numbers for the
 * same inputs on the same machine and thread settings.
 */
public interface MatrixKernels {

    /**
     * {@code c = alpha op(a) op(b) + beta c}.
     *
     * @param a      {@code [m, k]}, or {@code [k, m]} if {@code transA}
     * @param b      {@code [k, n]}, or {@code [n, k]} if {@code transB}
     * @param c      {@code [m, n]}; overwritten (beta = 0) or added to
     * @param transA whether to use a's transpose
     * @param transB whether to use b's transpose
     * @param alpha  the product's factor
     * @param beta   c's factor
     * @return whether it was computed
     */
    boolean gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta);

    /**
     * {@code y = x w + bias}, the bias added to every row.
     *
     * @param x    {@code [m, k]}
     * @param w    {@code [k, n]}
     * @param bias {@code n} values ({@code [n]} or {@code [1, n]})
     * @param y    {@code [m, n]}, overwritten
     * @return whether it was computed
     */
    boolean affine(INDArray x, INDArray w, INDArray bias, INDArray y);
}
