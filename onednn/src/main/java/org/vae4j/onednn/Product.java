package org.vae4j.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.matmul;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One matrix product of one shape as a oneDNN matmul primitive, {@code c = alpha op(a) op(b) +
 * beta c (+ bias)}: transposes are strides of the memory descriptions, alpha an output scale,
 * beta a sum post-operation, the bias part of the primitive. All arrays are used in place (plain
 * row-major layouts), so nothing is reordered.
 */
final class Product implements AutoCloseable {
    private final matmul primitive;
    private final memory a;
    private final memory b;
    private final memory c;
    private final memory bias;
    private final List<Pointer> owned = new ArrayList<>();
    private final IntMemoryMap args = own(new IntMemoryMap());

    /**
     * @param cpu     the engine
     * @param m       rows of the product
     * @param k       the inner dimension
     * @param n       columns of the product
     * @param transA  whether a is stored [k, m]
     * @param transB  whether b is stored [n, k]
     * @param alpha   the product's factor
     * @param beta    c's factor
     * @param hasBias whether a bias row is added
     */
    Product(engine cpu, long m, long k, long n, boolean transA, boolean transB, float alpha, float beta,
            boolean hasBias) {
        try {
            memory.desc ad = own(new memory.desc(new long[] {m, k}, memory.data_type.f32,
                    transA ? memory.format_tag.ba : memory.format_tag.ab));
            memory.desc bd = own(new memory.desc(new long[] {k, n}, memory.data_type.f32,
                    transB ? memory.format_tag.ba : memory.format_tag.ab));
            memory.desc cd = own(new memory.desc(new long[] {m, n}, memory.data_type.f32, memory.format_tag.ab));
            memory.desc biasd = hasBias
                    ? own(new memory.desc(new long[] {1, n}, memory.data_type.f32, memory.format_tag.ab)) : null;
            primitive_attr attr = own(new primitive_attr());
            if (alpha != 1f) {
                attr.set_output_scales(0, new float[] {alpha});
            }
            if (beta != 0f) {
                post_ops ops = own(new post_ops());
                ops.append_sum(beta, 0);
                attr.set_post_ops(ops);
            }
            matmul.desc d = own(hasBias ? new matmul.desc(ad, bd, biasd, cd) : new matmul.desc(ad, bd, cd));
            matmul.primitive_desc pd = own(new matmul.primitive_desc(d, attr, cpu));
            primitive = own(new matmul(pd));
            a = own(new memory(ad, cpu, (Pointer) null));
            b = own(new memory(bd, cpu, (Pointer) null));
            c = own(new memory(cd, cpu, (Pointer) null));
            bias = hasBias ? own(new memory(biasd, cpu, (Pointer) null)) : null;
            args.put(DNNL_ARG_SRC, a);
            args.put(DNNL_ARG_WEIGHTS, b);
            args.put(DNNL_ARG_DST, c);
            if (hasBias) {
                args.put(DNNL_ARG_BIAS, bias);
            }
        } catch (RuntimeException e) {
            // what was made before oneDNN refused
            close();
            throw e;
        }
    }

    private <T extends Pointer> T own(T p) {
        owned.add(p);
        return p;
    }

    /** Runs the product on these arrays. */
    void run(stream s, INDArray x, INDArray w, INDArray biasRow, INDArray y) {
        a.set_data_handle(Addresses.of(x));
        b.set_data_handle(Addresses.of(w));
        c.set_data_handle(Addresses.of(y));
        if (bias != null) {
            bias.set_data_handle(Addresses.of(biasRow));
        }
        primitive.execute(s, args);
        s._wait();
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
        owned.clear();
    }
}
