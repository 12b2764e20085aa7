package org.vae4j.onednn;

import com.google.auto.service.AutoService;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.stream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.engine.layers.conv.ConvolutionKernels;

/**
 * FLOAT convolutions and transposed convolutions on oneDNN's primitives, through JavaCPP's presets
 * of oneDNN 2.5 (the same JavaCPP as ND4J's). Unlike libnd4j's ops, which create their oneDNN
 * primitives and reorder their arrays on every call, each shape's primitives are created once
 * ({@link Plan}) in the layouts oneDNN picks, with output padding as a smaller padding after
 * than before (no cropping). oneDNN's threads follow {@code OMP_NUM_THREADS}.
 *
 * <p>Calls are serialized (one primitive set per shape is shared by layers of equal geometry);
 * at most {@value #PLANS} shapes are kept, the least recently used closed first.
 */
@AutoService(ConvolutionKernels.class)
public final class OneDnnConvolutions implements ConvolutionKernels {
    /** Shapes kept: a model's layers times training, validation and last-batch sizes, with room. */
    static final int PLANS = 64;

    /** Calls run on oneDNN, for the tests to see that the layers reach the kernels. */
    static final AtomicLong RUNS = new AtomicLong();

    private final engine cpu = new engine(engine.kind.cpu, 0);
    private final stream stream = new stream(cpu);
    private final ShapeCache<Plan> plans = new ShapeCache<>(PLANS);

    /** @return the plan for this geometry, or null if oneDNN cannot run it or an array is not served */
    private Plan plan(boolean transposed, INDArray x, INDArray w, boolean hasBias, INDArray y, Window g,
                      INDArray... others) {
        if (!Addresses.served(x) || !Addresses.served(w) || !Addresses.served(y) || x.rank() != 4 || w.rank() != 4
                || y.rank() != 4 || g.padEnd().h() < 0 || g.padEnd().w() < 0) {
            return null;
        }
        for (INDArray a : others) {
            if (!Addresses.served(a)) {
                return null;
            }
        }
        String key = (transposed ? "T" : "C") + Arrays.toString(x.shape()) + Arrays.toString(w.shape())
                + Arrays.toString(y.shape()) + hasBias + g;
        return plans.get(key, () -> new Plan(cpu, transposed, x, w, hasBias, y, g));
    }

    private boolean forward(boolean transposed, INDArray x, INDArray w, INDArray b, INDArray y, Window g) {
        Plan p = plan(transposed, x, w, b != null, y, g, b);
        if (p == null) {
            return false;
        }
        p.forward(stream, x, w, b, y);
        RUNS.incrementAndGet();
        return true;
    }

    private boolean backward(boolean transposed, INDArray x, INDArray w, INDArray gradY, INDArray gradX,
                             INDArray gradW, INDArray gradB, Window g) {
        Plan p = plan(transposed, x, w, gradB != null, gradY, g, gradX, gradW, gradB);
        if (p == null) {
            return false;
        }
        p.backward(stream, x, w, gradY, gradX, gradW, gradB);
        RUNS.incrementAndGet();
        return true;
    }

    @Override
    public synchronized boolean convolve(INDArray x, INDArray w, INDArray b, INDArray y, Window g) {
        return forward(false, x, w, b, y, g);
    }

    @Override
    public synchronized boolean convolveBackward(INDArray x, INDArray w, INDArray gradY, INDArray gradX,
                                                 INDArray gradW, INDArray gradB, Window g) {
        return backward(false, x, w, gradY, gradX, gradW, gradB, g);
    }

    @Override
    public synchronized boolean transposed(INDArray x, INDArray w, INDArray b, INDArray y, Window g) {
        return forward(true, x, w, b, y, g);
    }

    @Override
    public synchronized boolean transposedBackward(INDArray x, INDArray w, INDArray gradY, INDArray gradX,
                                                   INDArray gradW, INDArray gradB, Window g) {
        return backward(true, x, w, gradY, gradX, gradW, gradB, g);
    }
}
