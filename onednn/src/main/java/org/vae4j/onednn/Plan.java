package org.vae4j.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.deconvolution_backward_data;
import org.bytedeco.dnnl.deconvolution_backward_weights;
import org.bytedeco.dnnl.deconvolution_forward;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl.algorithm;
import org.bytedeco.dnnl.global.dnnl.prop_kind;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_desc_base;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.engine.layers.conv.ConvolutionKernels.Window;

/**
 * The primitives of one convolution (or transposed convolution) of one shape: forward, backward
 * to the data and backward to the weights, created when first needed, with the formats oneDNN
 * picks for them ({@code any}: its blocked layouts) and the reorders from and to the user's NCHW
 * arrays. Kept from call to call; primitive creation costs about as much as running it.
 */
final class Plan implements AutoCloseable {
    private final engine cpu;
    private final boolean transposed;
    private final long[] strides;
    private final long[] dilates;
    private final long[] padBegin;
    private final long[] padEnd;
    private final long[] srcDims;
    private final long[] weightDims;
    private final long[] dstDims;
    private final memory.desc src;
    private final memory.desc weights;
    private final memory.desc bias;
    private final memory.desc dst;
    private final primitive_desc_base forwardDesc;
    private final primitive forward;
    private final Port fSrc;
    private final Port fWeights;
    private final Port fBias;
    private final Port fDst;
    private final IntMemoryMap fArgs = new IntMemoryMap();
    private final primitive_desc_base backwardDataDesc;
    private final primitive_desc_base backwardWeightsDesc;
    private primitive backwardData;
    private Port dDiffDst;
    private Port dWeights;
    private Port dDiffSrc;
    private memory.desc backwardDataDiffDst;
    private final IntMemoryMap dArgs = new IntMemoryMap();
    private primitive backwardWeights;
    private Port wSrc;
    private Port wDiffDst;
    private Port wDiffWeights;
    private Port wDiffBias;
    private final IntMemoryMap wArgs = new IntMemoryMap();
    /** As {@link #wArgs}, but reading dL/dy from the backward-data pass's copy when they share a layout. */
    private IntMemoryMap wArgsShared;
    /** What to close, in order of creation. */
    private final List<AutoCloseable> owned = new ArrayList<>();

    /**
     * @param cpu        the engine
     * @param transposed whether this is a transposed convolution
     * @param x          an input of the shape
     * @param w          the weights (PyTorch's layout)
     * @param hasBias    whether there is a bias
     * @param y          an output of the shape
     * @param g          the window
     */
    Plan(engine cpu, boolean transposed, INDArray x, INDArray w, boolean hasBias, INDArray y, Window g) {
        try {
            this.cpu = cpu;
            this.transposed = transposed;
            this.strides = new long[] {g.stride().h(), g.stride().w()};
            this.dilates = new long[] {g.dilation().h() - 1, g.dilation().w() - 1};
            this.padBegin = new long[] {g.padBegin().h(), g.padBegin().w()};
            this.padEnd = new long[] {g.padEnd().h(), g.padEnd().w()};
            long[] ws = w.shape();
            // oneDNN's logical weight order is always [out, in, kH, kW]; the tag says how it lies in memory
            long[] oihw = transposed ? new long[] {ws[1], ws[0], ws[2], ws[3]} : ws;
            this.srcDims = x.shape();
            this.weightDims = oihw;
            this.dstDims = y.shape();
            this.src = own(new memory.desc(x.shape(), memory.data_type.f32, memory.format_tag.nchw));
            this.dst = own(new memory.desc(y.shape(), memory.data_type.f32, memory.format_tag.nchw));
            this.weights = own(new memory.desc(oihw, memory.data_type.f32,
                    transposed ? memory.format_tag.iohw : memory.format_tag.oihw));
            this.bias = hasBias ? own(new memory.desc(new long[] {oihw[0]}, memory.data_type.f32, memory.format_tag.x))
                    : null;
            memory.desc anySrc = any(x.shape());
            memory.desc anyWeights = any(oihw);
            memory.desc anyDst = any(y.shape());
            if (transposed) {
                deconvolution_forward.desc d = own(hasBias
                        ? new deconvolution_forward.desc(prop_kind.forward_training, algorithm.deconvolution_direct, anySrc,
                                anyWeights, bias, anyDst, strides, dilates, padBegin, padEnd)
                        : new deconvolution_forward.desc(prop_kind.forward_training, algorithm.deconvolution_direct, anySrc,
                                anyWeights, anyDst, strides, dilates, padBegin, padEnd));
                deconvolution_forward.primitive_desc pd = own(new deconvolution_forward.primitive_desc(d, cpu));
                forwardDesc = pd;
                forward = own(new deconvolution_forward(pd));
            } else {
                convolution_forward.desc d = own(hasBias
                        ? new convolution_forward.desc(prop_kind.forward_training, algorithm.convolution_direct, anySrc,
                                anyWeights, bias, anyDst, strides, dilates, padBegin, padEnd)
                        : new convolution_forward.desc(prop_kind.forward_training, algorithm.convolution_direct, anySrc,
                                anyWeights, anyDst, strides, dilates, padBegin, padEnd));
                convolution_forward.primitive_desc pd = own(new convolution_forward.primitive_desc(d, cpu));
                forwardDesc = pd;
                forward = own(new convolution_forward(pd));
            }
            fSrc = port(src, forwardDesc.src_desc(), true, false);
            fWeights = port(weights, forwardDesc.weights_desc(), true, false);
            fBias = hasBias ? port(bias, bias, true, false) : null;
            fDst = port(dst, forwardDesc.dst_desc(), false, true);
            fArgs.put(DNNL_ARG_SRC, fSrc.memory());
            fArgs.put(DNNL_ARG_WEIGHTS, fWeights.memory());
            if (fBias != null) {
                fArgs.put(DNNL_ARG_BIAS, fBias.memory());
            }
            fArgs.put(DNNL_ARG_DST, fDst.memory());
            owned.add(fArgs);
            owned.add(dArgs);
            owned.add(wArgs);
            // the backward descriptors now, so that a geometry oneDNN cannot train is refused here
            // (and left to libnd4j) rather than failing in the first backward pass
            backwardDataDesc = backwardDataDescriptor();
            backwardWeightsDesc = backwardWeightsDescriptor();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private memory.desc any(long[] dims) {
        return own(new memory.desc(dims, memory.data_type.f32, memory.format_tag.any));
    }

    private <T extends Pointer> T own(T p) {
        owned.add(p);
        return p;
    }

    private Port port(memory.desc user, memory.desc wanted, boolean read, boolean written) {
        Port p = new Port(cpu, user, wanted, read, written);
        owned.add(p);
        return p;
    }

    /** y = conv(x, w) + b. */
    void forward(stream s, INDArray x, INDArray w, INDArray b, INDArray y) {
        fSrc.read(x, s);
        fWeights.read(w, s);
        if (fBias != null) {
            fBias.read(b, s);
        }
        fDst.target(y);
        forward.execute(s, fArgs);
        fDst.store(s);
        s._wait();
    }

    /** The gradients; {@code gradX} null skips the backward pass to the data. */
    void backward(stream s, INDArray x, INDArray w, INDArray gradY, INDArray gradX, INDArray gradW, INDArray gradB) {
        if (gradX != null) {
            if (backwardData == null) {
                createBackwardData();
            }
            dDiffDst.read(gradY, s);
            dWeights.read(w, s);
            dDiffSrc.target(gradX);
            backwardData.execute(s, dArgs);
            dDiffSrc.store(s);
        }
        if (backwardWeights == null) {
            createBackwardWeights();
        }
        wSrc.read(x, s);
        // dL/dy is already in the backward-data pass's layout when the two primitives agree on it
        boolean shared = gradX != null && wArgsShared != null;
        if (!shared) {
            wDiffDst.read(gradY, s);
        }
        wDiffWeights.target(gradW);
        if (wDiffBias != null) {
            wDiffBias.target(gradB);
        }
        backwardWeights.execute(s, shared ? wArgsShared : wArgs);
        wDiffWeights.store(s);
        if (wDiffBias != null) {
            wDiffBias.store(s);
        }
        s._wait();
    }

    private primitive_desc_base backwardDataDescriptor() {
        memory.desc anySrc = any(srcDims);
        memory.desc anyWeights = any(weightDims);
        memory.desc anyDst = any(dstDims);
        if (transposed) {
            return own(new deconvolution_backward_data.primitive_desc(
                    own(new deconvolution_backward_data.desc(algorithm.deconvolution_direct, anySrc, anyWeights, anyDst,
                            strides, dilates, padBegin, padEnd)),
                    cpu, (deconvolution_forward.primitive_desc) forwardDesc));
        }
        return own(new convolution_backward_data.primitive_desc(
                own(new convolution_backward_data.desc(algorithm.convolution_direct, anySrc, anyWeights, anyDst,
                        strides, dilates, padBegin, padEnd)),
                cpu, (convolution_forward.primitive_desc) forwardDesc));
    }

    private primitive_desc_base backwardWeightsDescriptor() {
        memory.desc anySrc = any(srcDims);
        memory.desc anyWeights = any(weightDims);
        memory.desc anyDst = any(dstDims);
        if (transposed) {
            deconvolution_backward_weights.desc d = own(bias != null
                    ? new deconvolution_backward_weights.desc(algorithm.deconvolution_direct, anySrc, anyWeights, bias,
                            anyDst, strides, dilates, padBegin, padEnd)
                    : new deconvolution_backward_weights.desc(algorithm.deconvolution_direct, anySrc, anyWeights,
                            anyDst, strides, dilates, padBegin, padEnd));
            return own(new deconvolution_backward_weights.primitive_desc(d, cpu,
                    (deconvolution_forward.primitive_desc) forwardDesc));
        }
        convolution_backward_weights.desc d = own(bias != null
                ? new convolution_backward_weights.desc(algorithm.convolution_direct, anySrc, anyWeights, bias, anyDst,
                        strides, dilates, padBegin, padEnd)
                : new convolution_backward_weights.desc(algorithm.convolution_direct, anySrc, anyWeights, anyDst,
                        strides, dilates, padBegin, padEnd));
        return own(new convolution_backward_weights.primitive_desc(d, cpu,
                (convolution_forward.primitive_desc) forwardDesc));
    }

    /** The backward-data primitive and its arguments' buffers, on the first backward pass that needs them. */
    private void createBackwardData() {
        primitive_desc_base pd = backwardDataDesc;
        backwardData = own(transposed
                ? new deconvolution_backward_data((deconvolution_backward_data.primitive_desc) pd)
                : new convolution_backward_data((convolution_backward_data.primitive_desc) pd));
        backwardDataDiffDst = pd.diff_dst_desc();
        dDiffDst = port(dst, backwardDataDiffDst, true, false);
        dWeights = port(weights, pd.weights_desc(), true, false);
        dDiffSrc = port(src, pd.diff_src_desc(), false, true);
        dArgs.put(DNNL_ARG_DIFF_DST, dDiffDst.memory());
        dArgs.put(DNNL_ARG_WEIGHTS, dWeights.memory());
        dArgs.put(DNNL_ARG_DIFF_SRC, dDiffSrc.memory());
    }

    /** The backward-weights primitive and its arguments' buffers, on the first backward pass. */
    private void createBackwardWeights() {
        primitive_desc_base pd = backwardWeightsDesc;
        backwardWeights = own(transposed
                ? new deconvolution_backward_weights((deconvolution_backward_weights.primitive_desc) pd)
                : new convolution_backward_weights((convolution_backward_weights.primitive_desc) pd));
        wSrc = port(src, pd.src_desc(), true, false);
        wDiffDst = port(dst, pd.diff_dst_desc(), true, false);
        wDiffWeights = port(weights, pd.diff_weights_desc(), false, true);
        wDiffBias = bias != null ? port(bias, bias, false, true) : null;
        wArgs.put(DNNL_ARG_SRC, wSrc.memory());
        wArgs.put(DNNL_ARG_DIFF_DST, wDiffDst.memory());
        wArgs.put(DNNL_ARG_DIFF_WEIGHTS, wDiffWeights.memory());
        if (wDiffBias != null) {
            wArgs.put(DNNL_ARG_DIFF_BIAS, wDiffBias.memory());
        }
        if (backwardData == null) {
            createBackwardData();
        }
        if (pd.diff_dst_desc().equals(backwardDataDiffDst)) {
            wArgsShared = new IntMemoryMap();
            owned.add(wArgsShared);
            wArgsShared.put(DNNL_ARG_SRC, wSrc.memory());
            wArgsShared.put(DNNL_ARG_DIFF_DST, dDiffDst.memory());
            wArgsShared.put(DNNL_ARG_DIFF_WEIGHTS, wDiffWeights.memory());
            if (wDiffBias != null) {
                wArgsShared.put(DNNL_ARG_DIFF_BIAS, wDiffBias.memory());
            }
        }
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                // closing native handles does not fail; nothing to recover
            }
        }
        owned.clear();
    }
}
