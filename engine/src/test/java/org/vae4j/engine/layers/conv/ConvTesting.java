package org.vae4j.engine.layers.conv;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Test inputs and direct, loop-by-loop reference implementations of the definitions in
 * PyTorch's documentation, independent of the im2col/GEMM formulation under test.
 */
final class ConvTesting {
    private ConvTesting() {
    }

    static Random rng(long seed) {
        return Nd4j.getRandomFactory().getNewRandomInstance(seed);
    }

    /** DOUBLE values uniform in [-1, 1]. */
    static INDArray uniform(long seed, long... shape) {
        INDArray a = Nd4j.createUninitialized(DataType.DOUBLE, shape, 'c');
        Nd4j.getExecutioner().exec(new UniformDistribution(a, -1.0, 1.0), rng(seed));
        return a;
    }

    /**
     * Distinct DOUBLE values at least 0.01 apart, shuffled: no max-pooling window has a tie, and
     * a perturbation of 1e-6 cannot change any argmax.
     */
    static INDArray distinct(long seed, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[Math.toIntExact(n)];
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < v.length; i++) {
            v[i] = (i - v.length / 2.0) * 0.01;
        }
        for (int i = v.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return Nd4j.createFromArray(v).reshape(shape);
    }

    /**
     * y[n, o, i, j] = b[o] + sum over c in o's group, p, q of
     * x[n, c, i*sH - pH + p*dH, j*sW - pW + q*dW] w[o, c - group start, p, q].
     */
    static INDArray conv2d(INDArray x, INDArray w, INDArray b, Size2d s, Size2d pad, Size2d d, int groups) {
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        int h = (int) x.size(2);
        int wd = (int) x.size(3);
        int o = (int) w.size(0);
        int cg = (int) w.size(1);
        int kh = (int) w.size(2);
        int kw = (int) w.size(3);
        int oh = (int) ConvArithmetic.convOutput(h, kh, s.h(), pad.h(), d.h());
        int ow = (int) ConvArithmetic.convOutput(wd, kw, s.w(), pad.w(), d.w());
        int og = o / groups;
        INDArray y = Nd4j.zeros(DataType.DOUBLE, n, o, oh, ow);
        for (int ni = 0; ni < n; ni++) {
            for (int oi = 0; oi < o; oi++) {
                int g = oi / og;
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double acc = b == null ? 0 : b.getDouble(oi);
                        for (int ci = 0; ci < cg; ci++) {
                            for (int p = 0; p < kh; p++) {
                                for (int q = 0; q < kw; q++) {
                                    long r = i * s.h() - pad.h() + p * d.h();
                                    long col = j * s.w() - pad.w() + q * d.w();
                                    if (r >= 0 && r < h && col >= 0 && col < wd) {
                                        acc += x.getDouble(ni, g * cg + ci, r, col) * w.getDouble(oi, ci, p, q);
                                    }
                                }
                            }
                        }
                        y.putScalar(new long[] {ni, oi, i, j}, acc);
                    }
                }
            }
        }
        if (c != cg * groups) {
            throw new IllegalArgumentException("channels");
        }
        return y;
    }

    /**
     * The scatter form: every x[n, c, i, j] adds x * w[c, o - group start, p, q] to
     * y[n, o, i*sH - pH + p*dH, j*sW - pW + q*dW] where that lies inside the output.
     */
    static INDArray convTranspose2d(INDArray x, INDArray w, INDArray b, Size2d s, Size2d pad, Size2d outPad,
            Size2d d, int groups) {
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        int h = (int) x.size(2);
        int wd = (int) x.size(3);
        int og = (int) w.size(1);
        int kh = (int) w.size(2);
        int kw = (int) w.size(3);
        int o = og * groups;
        int cg = c / groups;
        int oh = (int) ConvArithmetic.transposedOutput(h, kh, s.h(), pad.h(), outPad.h(), d.h());
        int ow = (int) ConvArithmetic.transposedOutput(wd, kw, s.w(), pad.w(), outPad.w(), d.w());
        INDArray y = Nd4j.zeros(DataType.DOUBLE, n, o, oh, ow);
        for (int ni = 0; ni < n; ni++) {
            for (int ci = 0; ci < c; ci++) {
                int g = ci / cg;
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < wd; j++) {
                        double v = x.getDouble(ni, ci, i, j);
                        for (int oi = 0; oi < og; oi++) {
                            for (int p = 0; p < kh; p++) {
                                for (int q = 0; q < kw; q++) {
                                    long r = i * s.h() - pad.h() + p * d.h();
                                    long col = j * s.w() - pad.w() + q * d.w();
                                    if (r >= 0 && r < oh && col >= 0 && col < ow) {
                                        long[] at = {ni, g * og + oi, r, col};
                                        y.putScalar(at, y.getDouble(at) + v * w.getDouble(ci, oi, p, q));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if (b != null) {
            for (int oi = 0; oi < o; oi++) {
                y.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(oi))
                        .addi(b.getDouble(oi));
            }
        }
        return y;
    }
}
