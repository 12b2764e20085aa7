package org.vae4j.plugins.vae.posterior;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
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

    /** What one step's backward pass needs, per row: its input, tanh(a), 1 + ûᵀψ; and û, ûᵀw. */
    private record Step(double[] zIn, double[] t, double[] d, double[] uHat, double uw) {
    }

    /** m(x) = -1 + softplus(x), computed stably. */
    private static double m(double x) {
        return -1 + Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    /** @return the rows of {@code a} as one C-ordered double array */
    private static double[] hostRows(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    // The codes are [N, L] with L around 20: a step is a few hundred flops per row, so it runs as
    // loops on the host, not as dozens of ND4J operations that each cost more than the arithmetic.
    @Override
    public Flowed forward(INDArray z0) {
        int n = (int) z0.size(0);
        int l = (int) z0.size(1);
        double[][] uv = u.value().toDoubleMatrix();
        double[][] wv = w.value().toDoubleMatrix();
        double[] bv = b.value().toDoubleVector();
        double[] z = hostRows(z0);
        double[] logDet = new double[n];
        List<Step> cache = new ArrayList<>(steps);
        for (int k = 0; k < steps; k++) {
            double[] wk = wv[k];
            double wu = dot(wk, uv[k]);
            double shift = (m(wu) - wu) / dot(wk, wk);
            double[] uHat = new double[l];
            for (int j = 0; j < l; j++) {
                uHat[j] = uv[k][j] + shift * wk[j];
            }
            double uw = dot(uHat, wk);
            double[] t = new double[n];
            double[] d = new double[n];
            double[] zIn = z.clone();
            for (int i = 0; i < n; i++) {
                double a = bv[k];
                for (int j = 0; j < l; j++) {
                    a += wk[j] * z[i * l + j];
                }
                double ti = Math.tanh(a);
                t[i] = ti;
                d[i] = 1 + (1 - ti * ti) * uw;
                for (int j = 0; j < l; j++) {
                    z[i * l + j] += uHat[j] * ti;
                }
                logDet[i] += Math.log(Math.abs(d[i]));
            }
            cache.add(new Step(zIn, t, d, uHat, uw));
        }
        DataType type = z0.dataType();
        return new Flowed(Nd4j.create(z, new long[] {n, l}, DataType.DOUBLE).castTo(type),
                Nd4j.create(logDet, new long[] {n, 1}, DataType.DOUBLE).castTo(type), cache);
    }

    @Override
    @SuppressWarnings("unchecked")
    public INDArray backward(Flowed pass, INDArray gz, INDArray gLogDet) {
        List<Step> cache = (List<Step>) pass.cache();
        int n = (int) gz.size(0);
        int l = (int) gz.size(1);
        double[][] uv = u.value().toDoubleMatrix();
        double[][] wv = w.value().toDoubleMatrix();
        double[] g = hostRows(gz);
        double[] gld = hostRows(gLogDet);
        double[][] gU = new double[steps][l];
        double[][] gW = new double[steps][l];
        double[] gB = new double[steps];
        for (int k = steps - 1; k >= 0; k--) {
            Step s = cache.get(k);
            double[] wk = wv[k];
            double[] uHat = s.uHat();
            double[] gUHat = new double[l];
            double[] c = new double[n];
            double sw = 0;
            for (int i = 0; i < n; i++) {
                double ti = s.t()[i];
                double tp = 1 - ti * ti;
                double gu = 0;
                for (int j = 0; j < l; j++) {
                    gu += g[i * l + j] * uHat[j];
                    gUHat[j] += ti * g[i * l + j];
                }
                // dLoss/da through z' = z + û t(a) and through log d, d = 1 + t'(a) ûᵀw, t'' = -2 t t'
                c[i] = gu * tp - 2 * gld[i] * s.uw() * ti * tp / s.d()[i];
                // dLoss/d(ûᵀw) through d
                sw += gld[i] * tp / s.d()[i];
                gB[k] += c[i];
                for (int j = 0; j < l; j++) {
                    gW[k][j] += c[i] * s.zIn()[i * l + j];
                    g[i * l + j] += c[i] * wk[j];
                }
            }
            for (int j = 0; j < l; j++) {
                gUHat[j] += sw * wk[j];
                gW[k][j] += sw * uHat[j];
            }
            // through û = u + beta(α) w / q, α = wᵀu, beta = m(α) - α, beta' = sigmoid(α) - 1, q = |w|²
            double alpha = dot(wk, uv[k]);
            double q = dot(wk, wk);
            double beta = m(alpha) - alpha;
            double betaPrime = 1 / (1 + Math.exp(-alpha)) - 1;
            double gw = dot(gUHat, wk);
            for (int j = 0; j < l; j++) {
                gU[k][j] += gUHat[j] + gw / q * betaPrime * wk[j];
                gW[k][j] += gw / q * betaPrime * uv[k][j] + beta / q * gUHat[j] - 2 * beta * gw / (q * q) * wk[j];
            }
        }
        DataType type = u.value().dataType();
        u.gradient().addi(Nd4j.create(gU).castTo(type));
        w.gradient().addi(Nd4j.create(gW).castTo(type));
        b.gradient().addi(Nd4j.create(gB, new long[] {1, steps}, DataType.DOUBLE).castTo(type));
        return Nd4j.create(g, new long[] {n, l}, DataType.DOUBLE).castTo(gz.dataType());
    }

    @Override
    public void release(Flowed pass) {
        // the cache is on the Java heap; only the outputs hold ND4J buffers
        OffHeap.free(pass.z(), pass.logDet());
    }

    @Override
    public String describe() {
        return "planar flow, " + steps + " step" + (steps == 1 ? "" : "s");
    }
}
