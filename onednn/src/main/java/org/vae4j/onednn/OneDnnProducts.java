package org.vae4j.onednn;

import com.google.auto.service.AutoService;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.stream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.engine.layers.MatrixKernels;

/**
 * FLOAT matrix products as oneDNN 2.5 matmul primitives ({@link Product}), one per shape,
 * transposition and factors, created once; the dense layers' bias is part of the primitive. At
 * vae4j's shapes they run about 1.3 times as fast as libnd4j's {@code matmul} op on one thread and
 * about twice as fast on two (docs/BENCHMARKS.md), which pays for creating them and for the
 * bias addition libnd4j needs as a second op. Calls are serialized; at most {@value #PRODUCTS}
 * shapes are kept, the least recently used closed first.
 */
@AutoService(MatrixKernels.class)
public final class OneDnnProducts implements MatrixKernels {
    /** Shapes kept: a model's products times the batch sizes it meets, with room. */
    static final int PRODUCTS = 128;
    /** Products run on oneDNN, for the tests to see that the layers reach the kernels. */
    static final AtomicLong RUNS = new AtomicLong();

    private final engine cpu = new engine(engine.kind.cpu, 0);
    private final stream stream = new stream(cpu);
    private final ShapeCache<Product> products = new ShapeCache<>(PRODUCTS);

    private Product product(long m, long k, long n, boolean transA, boolean transB, double alpha, double beta,
                            boolean hasBias) {
        String key = m + "x" + k + "x" + n + (transA ? "T" : "N") + (transB ? "T" : "N") + alpha + "," + beta
                + hasBias;
        return products.get(key, () -> new Product(cpu, m, k, n, transA, transB, (float) alpha, (float) beta,
                hasBias));
    }

    private static boolean matrix(INDArray a) {
        return a.rank() == 2 && Addresses.served(a);
    }

    @Override
    public synchronized boolean gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha,
                                     double beta) {
        if (!matrix(a) || !matrix(b) || !matrix(c)) {
            return false;
        }
        long m = transA ? a.size(1) : a.size(0);
        long k = transA ? a.size(0) : a.size(1);
        long kb = transB ? b.size(1) : b.size(0);
        long n = transB ? b.size(0) : b.size(1);
        if (k != kb || c.size(0) != m || c.size(1) != n) {
            return false;
        }
        Product p = product(m, k, n, transA, transB, alpha, beta, false);
        if (p == null) {
            return false;
        }
        p.run(stream, a, b, null, c);
        RUNS.incrementAndGet();
        return true;
    }

    @Override
    public synchronized boolean affine(INDArray x, INDArray w, INDArray bias, INDArray y) {
        if (!matrix(x) || !matrix(w) || !matrix(y) || !Addresses.served(bias) || bias.length() != w.size(1)
                || x.size(1) != w.size(0) || y.size(0) != x.size(0) || y.size(1) != w.size(1)) {
            return false;
        }
        Product p = product(x.size(0), x.size(1), w.size(1), false, false, 1.0, 0.0, true);
        if (p == null) {
            return false;
        }
        p.run(stream, x, w, bias, y);
        RUNS.incrementAndGet();
        return true;
    }
}
