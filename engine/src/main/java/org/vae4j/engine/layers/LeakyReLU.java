package org.vae4j.engine.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.engine.math.FastFloat;

/**
 * x for x > 0, slope * x otherwise.
 *
 * <p>FLOAT batches run as two plain Java loops the JIT vectorizes, {@code max(x, 0) + slope
 * min(x, 0)} and {@code g (p + slope (1 - p))} with p = 1 for x >= 0 and 0 below: the same numbers
 * as libnd4j's {@code LeakyReLU} and {@code LeakyReLUBp} ops (one of the two terms is always an
 * exact zero; only inputs within 1e-30 of zero, where {@link FastFloat#positive} blends, get a
 * slope between the two), which took a fifth of the MLP GAN's training step (docs/BENCHMARKS.md). Other
 * types and non-contiguous arrays take those ops.
 */
public final class LeakyReLU extends Activation {
    /** PyTorch's default slope for negative inputs. */
    public static final double DEFAULT_SLOPE = 0.01;
    private final double slope;
    private float[] hostIn = new float[0];
    private float[] hostOut = new float[0];

    /**
     * @param slope the slope for negative inputs (PyTorch's default is 0.01)
     * @param shape the per-example shape
     */
    public LeakyReLU(double slope, long... shape) {
        super(shape);
        this.slope = slope;
    }

    private void ensure(int n) {
        if (hostIn.length < n) {
            hostIn = new float[n];
            hostOut = new float[n];
        }
    }

    @Override
    protected void apply(INDArray x, INDArray out, State state, boolean training) {
        if (HostFloats.fits(x) && HostFloats.fits(out)) {
            int n = (int) x.length();
            ensure(n);
            HostFloats.read(x, hostIn);
            values(hostIn, hostOut, (float) slope, n);
            HostFloats.write(hostOut, out);
            return;
        }
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU(x, out, slope));
    }

    @Override
    protected void derivative(State state, INDArray gradOutput, INDArray gradInput) {
        INDArray x = state.input;
        if (HostFloats.fits(x) && HostFloats.fits(gradOutput) && HostFloats.fits(gradInput)) {
            int n = (int) x.length();
            ensure(n);
            HostFloats.read(x, hostIn);
            HostFloats.read(gradOutput, hostOut);
            gradients(hostIn, hostOut, (float) slope, n);
            HostFloats.write(hostOut, gradInput);
            return;
        }
        Nd4j.exec(new LeakyReLUBp(x, gradOutput, gradInput, slope));
    }

    /** y = max(x, 0) + slope min(x, 0). */
    static void values(float[] x, float[] y, float slope, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            y[i] = Math.max(v, 0f) + slope * Math.min(v, 0f);
        }
    }

    /** g becomes g for x >= 0 (libnd4j's convention at 0) and slope g otherwise. */
    static void gradients(float[] x, float[] g, float slope, int n) {
        for (int i = 0; i < n; i++) {
            float p = 1f - FastFloat.positive(-x[i]);
            g[i] *= p + slope * (1f - p);
        }
    }

    @Override
    public String describe() {
        return "LeakyReLU(" + slope + ")";
    }
}
