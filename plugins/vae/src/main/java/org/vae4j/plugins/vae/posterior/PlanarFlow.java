package org.vae4j.plugins.vae.posterior;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vae4j.api.Parameter;
import org.vae4j.engine.layers.OffHeap;

/**
 * K planar flow steps (Rezende & Mohamed 2015, eq. 10-12): {@code z' = z + û tanh(wᵀz + b)},
 * {@code log |det| = log |1 + ûᵀ ψ(z)|} with {@code ψ(z) = tanh'(wᵀz + b) w}. The step is kept
 * invertible as in the paper's appendix A: {@code û = u + (m(wᵀu) - wᵀu) w / |w|²} with
 * {@code m(x) = -1 + softplus(x)}, so {@code ûᵀw >= -1}. The parameters {@code u}, {@code w}
 * ({@code [K, L]}) and {@code b} ({@code [1, K]}) are shared by all examples (not amortized); they
 * start as small draws (u, w ~ N(0, 0.01)), b = 0, close to the identity.
 */
public final class PlanarFlow implements PosteriorFlow {
    private static final double INIT_STD = 0.1;
    private final int steps;
    private final Parameter u;
    private final Parameter w;
    private final Parameter b;

    /**
     * @param steps     K, at least 1
     * @param latentDim L
     * @param dataType  the model's floating-point type
     * @param random    the stream of the initial u and w
     */
    public PlanarFlow(int steps, int latentDim, DataType dataType, Random random) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        this.steps = steps;
        INDArray u0 = Nd4j.createUninitialized(dataType, steps, latentDim);
        Nd4j.getExecutioner().exec(new GaussianDistribution(u0, 0.0, INIT_STD), random);
        INDArray w0 = Nd4j.createUninitialized(dataType, steps, latentDim);
        Nd4j.getExecutioner().exec(new GaussianDistribution(w0, 0.0, INIT_STD), random);
        this.u = new Parameter("u", u0);
        this.w = new Parameter("w", w0);
        this.b = new Parameter("b", Nd4j.zeros(dataType, 1, steps));
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(u, w, b);
    }

    /** What one step's backward pass needs. */
    private record Step(INDArray zIn, INDArray t, INDArray tp, INDArray d, INDArray uHat, double uw) {
    }

    /** û for step k, {@code [1, L]}. */
    private INDArray uHat(int k) {
        INDArray uk = u.value().getRow(k, true);
        INDArray wk = w.value().getRow(k, true);
        double wu = wk.mul(uk).sumNumber().doubleValue();
        double wn2 = wk.mul(wk).sumNumber().doubleValue();
        return uk.add(wk.mul((m(wu) - wu) / wn2));
    }

    /** m(x) = -1 + softplus(x), computed stably. */
    private static double m(double x) {
        return -1 + Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    public Flowed forward(INDArray z0) {
        List<Step> cache = new ArrayList<>(steps);
        INDArray z = z0;
        INDArray logDet = Nd4j.zeros(z0.dataType(), z0.size(0), 1);
        for (int k = 0; k < steps; k++) {
            INDArray wk = w.value().getRow(k, true);
            INDArray uHat = uHat(k);
            double uw = uHat.mul(wk).sumNumber().doubleValue();
            INDArray a = z.mmul(wk.transpose()).addi(b.value().getDouble(0, k));
            INDArray t = Transforms.tanh(a, true);
            INDArray tp = t.mul(t).rsubi(1);
            INDArray d = tp.mul(uw).addi(1);
            cache.add(new Step(z, t, tp, d, uHat, uw));
            INDArray move = t.mmul(uHat);
            z = z.add(move);
            INDArray logAbsD = Transforms.log(Transforms.abs(d, true), false);
            logDet.addi(logAbsD);
            OffHeap.free(a, move, logAbsD);
        }
        return new Flowed(z, logDet, cache);
    }

    @Override
    @SuppressWarnings("unchecked")
    public INDArray backward(Flowed pass, INDArray gz, INDArray gLogDet) {
        List<Step> cache = (List<Step>) pass.cache();
        INDArray g = gz.dup();
        for (int k = steps - 1; k >= 0; k--) {
            Step s = cache.get(k);
            INDArray wk = w.value().getRow(k, true);
            INDArray uk = u.value().getRow(k, true);
            // dLoss/da through z' = z + û t(a) and through log d, d = 1 + t'(a) ûᵀw, t'' = -2 t t'
            INDArray c = g.mmul(s.uHat().transpose()).muli(s.tp())
                    .addi(gLogDet.mul(s.uw()).muli(s.t()).muli(s.tp()).muli(-2).divi(s.d()));
            // dLoss/d(ûᵀw) through d
            double sw = gLogDet.mul(s.tp()).divi(s.d()).sumNumber().doubleValue();
            INDArray gUHat = s.t().transpose().mmul(g).addi(wk.mul(sw));
            INDArray gW = c.transpose().mmul(s.zIn()).addi(s.uHat().mul(sw));
            b.gradient().getColumn(k, true).addi(c.sumNumber().doubleValue());
            // through û = u + beta(α) w / q, α = wᵀu, beta = m(α) - α, beta' = sigmoid(α) - 1, q = |w|²
            double alpha = wk.mul(uk).sumNumber().doubleValue();
            double q = wk.mul(wk).sumNumber().doubleValue();
            double beta = m(alpha) - alpha;
            double betaPrime = 1 / (1 + Math.exp(-alpha)) - 1;
            double gw = gUHat.mul(wk).sumNumber().doubleValue();
            u.gradient().getRow(k, true).addi(gUHat).addi(wk.mul(gw / q * betaPrime));
            gW.addi(uk.mul(gw / q * betaPrime)).addi(gUHat.mul(beta / q)).addi(wk.mul(-2 * beta * gw / (q * q)));
            w.gradient().getRow(k, true).addi(gW);
            g = g.addi(c.mmul(wk));
        }
        return g;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void release(Flowed pass) {
        List<Step> cache = (List<Step>) pass.cache();
        for (int k = 0; k < cache.size(); k++) {
            Step s = cache.get(k);
            // step 0's input is the caller's
            OffHeap.free(k > 0 ? s.zIn() : null, s.t(), s.tp(), s.d(), s.uHat());
        }
        OffHeap.free(pass.z(), pass.logDet());
    }

    @Override
    public String describe() {
        return "planar flow, " + steps + " step" + (steps == 1 ? "" : "s");
    }
}
