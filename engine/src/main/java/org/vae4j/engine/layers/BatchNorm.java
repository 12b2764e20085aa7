package org.vae4j.engine.layers;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vae4j.api.Buffer;
import org.vae4j.api.Layer;
import org.vae4j.api.Parameter;
import org.vae4j.api.Pass;

/**
 * Batch normalization (Ioffe and Szegedy, 2015) over the channels of {@code [N, C]} features
 * (PyTorch's {@code BatchNorm1d}) or {@code [N, C, H, W]} feature maps ({@code BatchNorm2d}):
 * {@code y = weight * (x - mean) / sqrt(var + eps) + bias}, per channel.
 *
 * <p>A {@linkplain Pass#training() training pass} normalizes with the batch's own mean and biased
 * variance (over the examples and, for maps, the positions) and moves the running statistics
 * towards them: {@code running = (1 - momentum) * running + momentum * batch}, with the unbiased
 * variance, as PyTorch does. An inference pass normalizes with the running statistics, which are
 * {@linkplain #buffers() buffers} and so saved in checkpoints. Every training run updates them,
 * so a discriminator run on real and on generated images in one step moves them twice, as in
 * PyTorch.
 *
 * <p>The backward pass is that of the training forward pass, batch statistics included:
 * {@code dx = weight / sqrt(var + eps) * (g - mean(g) - xhat * mean(g * xhat))}.
 */
public final class BatchNorm implements Layer {
    /** PyTorch's default momentum of the running statistics. */
    public static final double DEFAULT_MOMENTUM = 0.1;
    /** PyTorch's default epsilon added to the variance. */
    public static final double DEFAULT_EPS = 1e-5;

    private final long[] shape;
    private final double momentum;
    private final double eps;
    private final int[] reduced;
    private final Parameter weight;
    private final Parameter bias;
    private final INDArray runningMean;
    private final INDArray runningVar;

    /** What a training run keeps for its backward pass, and the buffers it reuses. */
    private static final class State {
        final Scratch output = new Scratch();
        final Scratch normalized = new Scratch();
        final Scratch gradInput = new Scratch();
        INDArray xhat;
        INDArray invStd;
        long count;
        /* the host path's copies: the normalized input of the last training run and 1/std per channel */
        float[] hostXhat = new float[0];
        float[] hostInvStd = new float[0];
        boolean host;
    }

    /* the host path's buffers, shared by the passes (a pass keeps only what its backward reads) */
    private float[] hostIn = new float[0];
    private float[] hostOut = new float[0];

    /**
     * With PyTorch's defaults: momentum 0.1, eps 1e-5, weight 1 and bias 0.
     *
     * @param type  the floating-point type
     * @param shape the per-example shape, {@code [C]} or {@code [C, H, W]}
     */
    public BatchNorm(DataType type, long... shape) {
        this(DEFAULT_MOMENTUM, DEFAULT_EPS, type, shape);
    }

    /**
     * @param momentum the weight of a batch's statistics in the running ones, in (0, 1]
     * @param eps      added to the variance, > 0
     * @param type     the floating-point type
     * @param shape    the per-example shape, {@code [C]} or {@code [C, H, W]}
     */
    public BatchNorm(double momentum, double eps, DataType type, long... shape) {
        if (shape.length != 1 && shape.length != 3) {
            throw new ShapeMismatchException("BatchNorm: needs [C] features or [C, H, W] maps, got "
                    + Shapes.show(shape));
        }
        if (!(momentum > 0 && momentum <= 1) || !(eps > 0)) {
            throw new IllegalArgumentException("BatchNorm: momentum must be in (0, 1] and eps > 0, got "
                    + momentum + " and " + eps);
        }
        this.shape = shape.clone();
        this.momentum = momentum;
        this.eps = eps;
        this.reduced = shape.length == 1 ? new int[] {0} : new int[] {0, 2, 3};
        long c = shape[0];
        this.weight = new Parameter("weight", Nd4j.ones(type, c));
        this.bias = new Parameter("bias", Nd4j.zeros(type, c));
        this.runningMean = Nd4j.zeros(type, c);
        this.runningVar = Nd4j.ones(type, c);
    }

    @Override
    public long[] inputShape() {
        return shape.clone();
    }

    @Override
    public long[] outputShape() {
        return shape.clone();
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {
        if (x.rank() != shape.length + 1 || !java.util.Arrays.equals(java.util.Arrays.copyOfRange(x.shape(), 1,
                x.rank()), shape)) {
            throw new ShapeMismatchException(describe() + ": expects input [N, " + Shapes.show(shape).substring(1)
                    + ", got " + Shapes.show(x.shape()));
        }
        State s = pass.state(this, State::new);
        INDArray y = s.output.like(x);
        if (HostFloats.fits(x) && HostFloats.fits(y) && weight.value().dataType() == DataType.FLOAT) {
            hostForward(x, y, s, pass.isTraining());
            return y;
        }
        s.host = false;
        if (!pass.isTraining()) {
            INDArray scale = weight.value().div(Transforms.sqrt(runningVar.add(eps).castTo(x.dataType()), false));
            INDArray shift = bias.value().sub(runningMean.castTo(x.dataType()).mul(scale));
            Broadcast.mul(x, scale, y, 1);
            Broadcast.add(y, shift, y, 1);
            return y;
        }
        long count = x.length() / shape[0];
        INDArray mean = x.mean(reduced);
        INDArray xhat = s.normalized.like(x);
        Broadcast.sub(x, mean, xhat, 1);
        INDArray var = xhat.mul(xhat).mean(reduced);
        INDArray invStd = Transforms.sqrt(var.add(eps), false).rdivi(1.0);
        Broadcast.mul(xhat, invStd, xhat, 1);
        Broadcast.mul(xhat, weight.value(), y, 1);
        Broadcast.add(y, bias.value(), y, 1);
        double unbiased = count > 1 ? (double) count / (count - 1) : 1.0;
        runningMean.muli(1 - momentum).addi(mean.castTo(runningMean.dataType()).muli(momentum));
        runningVar.muli(1 - momentum).addi(var.castTo(runningVar.dataType()).muli(momentum * unbiased));
        s.xhat = xhat;
        s.invStd = invStd;
        s.count = count;
        return y;
    }

    @Override
    public INDArray backward(INDArray g, Pass pass, boolean needInputGradient) {
        State s = pass.state(this, State::new);
        if (s.host) {
            return hostBackward(g, s, needInputGradient);
        }
        if (s.xhat == null) {
            throw new IllegalStateException(describe() + ": backward without a training forward pass");
        }
        INDArray dBias = g.sum(reduced);
        INDArray dWeight = g.mul(s.xhat).sum(reduced);
        bias.gradient().addi(dBias);
        weight.gradient().addi(dWeight);
        if (!needInputGradient) {
            return null;
        }
        INDArray gx = s.gradInput.like(g);
        Broadcast.mul(s.xhat, dWeight.div(s.count), gx, 1);
        gx.rsubi(g);
        Broadcast.sub(gx, dBias.div(s.count), gx, 1);
        Broadcast.mul(gx, weight.value().mul(s.invStd), gx, 1);
        return gx;
    }

    /*
     * The FLOAT path: the same arithmetic in host loops over one copy of the batch, one pass for
     * the statistics and one for the output, instead of ND4J's broadcast ops and their
     * temporaries (a DCGAN step normalizes about 2.5 million values three times). The element
     * at example n, channel c, position p is at (n C + c) P + p, P = H W (1 for features).
     */
    private void hostForward(INDArray x, INDArray y, State s, boolean training) {
        int n = (int) x.size(0);
        int c = (int) shape[0];
        int p = (int) (x.length() / ((long) n * c));
        int len = (int) x.length();
        if (hostIn.length < len) {
            hostIn = new float[len];
            hostOut = new float[len];
        }
        float[] in = hostIn;
        float[] out = hostOut;
        HostFloats.read(x, in);
        float[] gamma = weight.value().toFloatVector();
        float[] beta = bias.value().toFloatVector();
        float[] scale = new float[c];
        float[] shift = new float[c];
        if (training) {
            long count = (long) n * p;
            // two passes (mean, then squared deviations): no cancellation for channels far from 0
            double[] mean = new double[c];
            channelSums(in, null, n, c, p, mean, null);
            for (int k = 0; k < c; k++) {
                mean[k] /= count;
                scale[k] = 1f;
                shift[k] = (float) -mean[k];
            }
            if (s.hostXhat.length < len) {
                s.hostXhat = new float[len];
            }
            float[] centered = s.hostXhat;
            affine(in, centered, n, c, p, scale, shift);
            double[] var = new double[c];
            channelSums(centered, centered, n, c, p, null, var);
            float[] invStd = s.hostInvStd.length == c ? s.hostInvStd : new float[c];
            for (int k = 0; k < c; k++) {
                var[k] /= count;
                invStd[k] = (float) (1 / Math.sqrt(var[k] + eps));
                scale[k] = invStd[k];
                shift[k] = 0f;
            }
            affine(centered, s.hostXhat, n, c, p, scale, shift);
            for (int k = 0; k < c; k++) {
                scale[k] = gamma[k];
                shift[k] = beta[k];
            }
            affine(s.hostXhat, out, n, c, p, scale, shift);
            double unbiased = count > 1 ? (double) count / (count - 1) : 1.0;
            float[] rm = runningMean.toFloatVector();
            float[] rv = runningVar.toFloatVector();
            for (int k = 0; k < c; k++) {
                rm[k] = (float) ((1 - momentum) * rm[k] + momentum * mean[k]);
                rv[k] = (float) ((1 - momentum) * rv[k] + momentum * var[k] * unbiased);
            }
            runningMean.assign(org.nd4j.linalg.factory.Nd4j.createFromArray(rm));
            runningVar.assign(org.nd4j.linalg.factory.Nd4j.createFromArray(rv));
            s.hostInvStd = invStd;
            s.count = count;
            s.host = true;
        } else {
            float[] rm = runningMean.toFloatVector();
            float[] rv = runningVar.toFloatVector();
            for (int k = 0; k < c; k++) {
                float inv = (float) (1 / Math.sqrt(rv[k] + eps));
                scale[k] = gamma[k] * inv;
                shift[k] = beta[k] - rm[k] * scale[k];
            }
            affine(in, out, n, c, p, scale, shift);
        }
        HostFloats.write(out, y);
    }

    private INDArray hostBackward(INDArray g, State s, boolean needInputGradient) {
        int n = (int) g.size(0);
        int c = (int) shape[0];
        int p = (int) (g.length() / ((long) n * c));
        int len = (int) g.length();
        float[] gf = hostIn;
        HostFloats.read(g, gf);
        double[] dBias = new double[c];
        double[] dWeight = new double[c];
        channelSums(gf, s.hostXhat, n, c, p, dBias, dWeight);
        bias.gradient().addi(org.nd4j.linalg.factory.Nd4j.createFromArray(toFloats(dBias)));
        weight.gradient().addi(org.nd4j.linalg.factory.Nd4j.createFromArray(toFloats(dWeight)));
        if (!needInputGradient) {
            return null;
        }
        // dx = gamma invStd (g - dBias / M - xhat dWeight / M)
        float[] gamma = weight.value().toFloatVector();
        float[] a = new float[c];
        float[] b = new float[c];
        float[] e = new float[c];
        for (int k = 0; k < c; k++) {
            a[k] = gamma[k] * s.hostInvStd[k];
            b[k] = (float) (dBias[k] / s.count);
            e[k] = (float) (dWeight[k] / s.count);
        }
        float[] out = hostOut;
        float[] xhat = s.hostXhat;
        if (p == 1) {
            for (int i = 0; i < n; i++) {
                int base = i * c;
                for (int k = 0; k < c; k++) {
                    out[base + k] = a[k] * (gf[base + k] - b[k] - xhat[base + k] * e[k]);
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < c; k++) {
                    int base = (i * c + k) * p;
                    float ak = a[k];
                    float bk = b[k];
                    float ek = e[k];
                    for (int j = base; j < base + p; j++) {
                        out[j] = ak * (gf[j] - bk - xhat[j] * ek);
                    }
                }
            }
        }
        INDArray gx = s.gradInput.like(g);
        HostFloats.write(out, gx);
        return gx;
    }

    /** y = x scale[c] + shift[c], per channel. */
    private static void affine(float[] x, float[] y, int n, int c, int p, float[] scale, float[] shift) {
        if (p == 1) {
            for (int i = 0; i < n; i++) {
                int base = i * c;
                for (int k = 0; k < c; k++) {
                    y[base + k] = x[base + k] * scale[k] + shift[k];
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c; k++) {
                int base = (i * c + k) * p;
                float sk = scale[k];
                float hk = shift[k];
                for (int j = base; j < base + p; j++) {
                    y[j] = x[j] * sk + hk;
                }
            }
        }
    }

    /**
     * Per channel: {@code first[c] += sum of a} (if first is not null) and {@code second[c] +=
     * sum of a * b} (if second is not null); sums of float partials over at most one row or 16
     * examples, added up in double.
     */
    private static void channelSums(float[] a, float[] b, int n, int c, int p, double[] first, double[] second) {
        if (p == 1) {
            float[] rowA = new float[c];
            float[] rowB = new float[c];
            for (int i = 0; i < n; i++) {
                int base = i * c;
                if (first != null) {
                    for (int k = 0; k < c; k++) {
                        rowA[k] += a[base + k];
                    }
                }
                if (second != null) {
                    for (int k = 0; k < c; k++) {
                        rowB[k] += a[base + k] * b[base + k];
                    }
                }
                if ((i & 15) == 15 || i == n - 1) {
                    for (int k = 0; k < c; k++) {
                        if (first != null) {
                            first[k] += rowA[k];
                        }
                        if (second != null) {
                            second[k] += rowB[k];
                        }
                        rowA[k] = 0;
                        rowB[k] = 0;
                    }
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c; k++) {
                int base = (i * c + k) * p;
                if (first != null) {
                    float s1 = 0;
                    for (int j = base; j < base + p; j++) {
                        s1 += a[j];
                    }
                    first[k] += s1;
                }
                if (second != null) {
                    float s2 = 0;
                    for (int j = base; j < base + p; j++) {
                        s2 += a[j] * b[j];
                    }
                    second[k] += s2;
                }
            }
        }
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public List<Buffer> buffers() {
        return List.of(new Buffer("runningMean", runningMean), new Buffer("runningVar", runningVar));
    }

    @Override
    public String describe() {
        return "BatchNorm" + (shape.length == 1 ? "1d(" : "2d(") + shape[0] + ")";
    }
}
