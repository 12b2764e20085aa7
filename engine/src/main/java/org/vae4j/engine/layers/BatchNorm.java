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
    }

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
