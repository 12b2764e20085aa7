package org.vae4j.engine.layers.conv;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Faster FLOAT convolutions for the backend in use, found with {@link java.util.ServiceLoader}:
 * the CPU build ships {@code vae4j-onednn}, which runs them on oneDNN's primitives directly; a
 * build without such a module (the CUDA profile) runs libnd4j's convolution ops. The layers do not
 * know which: {@link Conv2d} and {@link ConvTranspose2d} offer every FLOAT batch with one channel
 * group to the kernels first, and take libnd4j's ops when a method returns {@code false}.
 *
 * <p>All arrays are NCHW batches and PyTorch's weight layouts ({@code [out, in, kH, kW]} for a
 * convolution, {@code [in, out, kH, kW]} for a transposed one); an implementation returns
 * {@code false}, having written nothing, for arrays it does not serve (not FLOAT, not contiguous,
 * not in host memory) and geometries it cannot run. It must give the same numbers for the same
 * inputs on the same machine and thread settings, as vae4j's runs promise.
 */
public interface ConvolutionKernels {

    /**
     * Where a kernel sits on its input.
     *
     * @param kernel   the kernel's height and width
     * @param stride   the stride
     * @param padBegin the padding above and left of the input (a transposed convolution: cropped
     *                 from the top and left of its full output)
     * @param padEnd   below and right (a transposed convolution: its padding less its output padding)
     * @param dilation the dilation, 1 for none
     */
    record Window(Size2d kernel, Size2d stride, Size2d padBegin, Size2d padEnd, Size2d dilation) {
    }

    /**
     * {@code y = conv(x, w) + b}.
     *
     * @param x [N, C, H, W]
     * @param w [O, C, kH, kW]
     * @param b [O], or null for none
     * @param y [N, O, outH, outW], overwritten
     * @param g the window
     * @return whether it was computed; if not, nothing was written
     */
    boolean convolve(INDArray x, INDArray w, INDArray b, INDArray y, Window g);

    /**
     * The gradients of {@link #convolve}: overwrites (does not add to) each one asked for.
     *
     * @param x     the forward pass's input
     * @param w     the weights
     * @param gradY dL/dy
     * @param gradX receives dL/dx, or null if not needed
     * @param gradW receives dL/dw
     * @param gradB receives dL/db, or null for a convolution without bias
     * @param g     the window
     * @return whether they were computed
     */
    boolean convolveBackward(INDArray x, INDArray w, INDArray gradY, INDArray gradX, INDArray gradW, INDArray gradB,
                             Window g);

    /**
     * The transposed convolution {@code y = deconv(x, w) + b}, with output padding expressed by a
     * smaller {@link Window#padEnd()}.
     *
     * @param x [N, C, H, W]
     * @param w [C, O, kH, kW]
     * @param b [O], or null
     * @param y [N, O, outH, outW], overwritten
     * @param g the window
     * @return whether it was computed
     */
    boolean transposed(INDArray x, INDArray w, INDArray b, INDArray y, Window g);

    /**
     * The gradients of {@link #transposed}, overwriting each one asked for.
     *
     * @param x     the forward pass's input
     * @param w     the weights
     * @param gradY dL/dy
     * @param gradX receives dL/dx, or null if not needed
     * @param gradW receives dL/dw
     * @param gradB receives dL/db, or null
     * @param g     the window
     * @return whether they were computed
     */
    boolean transposedBackward(INDArray x, INDArray w, INDArray gradY, INDArray gradX, INDArray gradW,
                               INDArray gradB, Window g);
}
