package org.vae4j.engine.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.optim.Optimizer;

/**
 * The bookkeeping every optimizer shares: the flat parameter and gradient vectors are copied to
 * heap arrays, updated by a plain loop the JIT vectorizes (see {@link HostVectors} for why), and
 * copied back; state vectors live on the heap between steps. Float models update in float and
 * double models (gradient checks) in double.
 */
abstract class HostOptimizer implements Optimizer {
    private final List<String> stateNames;
    private final double lr;
    private double factor = 1;
    private float[] pf;
    private float[] gf;
    private float[][] sf;
    private double[] pd;
    private double[] gd;
    private double[][] sd;
    private long iteration;

    /**
     * @param stateNames the names of the state vectors, for checkpoints
     * @param lr         the configured learning rate
     */
    HostOptimizer(List<String> stateNames, double lr) {
        this.stateNames = stateNames;
        this.lr = lr;
    }

    @Override
    public final void learningRateFactor(double f) {
        if (!(f >= 0) || Double.isInfinite(f)) {
            throw new IllegalArgumentException("a learning-rate factor must be finite and >= 0, got " + f);
        }
        factor = f;
    }

    /** @return the configured learning rate times the schedule's factor (exactly the configured one at 1) */
    @Override
    public final double learningRate() {
        return lr * factor;
    }

    @Override
    public final void step(INDArray values, INDArray grads) {
        int n = Math.toIntExact(values.length());
        long t = iteration + 1;
        if (HostVectors.isFloat(values)) {
            if (pf == null || pf.length != n) {
                pf = new float[n];
                gf = new float[n];
                sf = iteration == 0 && sf == null ? new float[stateNames.size()][n] : checked(sf, n, "FLOAT");
            }
            HostVectors.read(values, pf);
            HostVectors.read(grads, gf);
            update(pf, gf, sf, t);
            HostVectors.write(pf, values);
        } else {
            if (pd == null || pd.length != n) {
                pd = new double[n];
                gd = new double[n];
                sd = iteration == 0 && sd == null ? new double[stateNames.size()][n] : checked(sd, n, "DOUBLE");
            }
            HostVectors.read(values, pd);
            HostVectors.read(grads, gd);
            update(pd, gd, sd, t);
            HostVectors.write(pd, values);
        }
        iteration++;
    }

    // state restored by loadState must fit the model it is applied to: silently zeroing it would
    // keep the iteration count and so the wrong bias correction
    private <T> T checked(T state, int n, String type) {
        int len = state == null ? -1 : java.lang.reflect.Array.getLength(java.lang.reflect.Array.get(state, 0));
        if (state == null || len != n) {
            throw new IllegalArgumentException("optimizer state " + (state == null ? "is not " + type
                    : "has " + len + " values per vector") + " but the model has " + n + " " + type
                    + " parameters: the checkpoint belongs to a different model");
        }
        return state;
    }

    /**
     * @param p     parameters, updated in place
     * @param g     gradients
     * @param state the state vectors in the order of the names given to the constructor
     * @param t     this step's number, counted from 1
     */
    abstract void update(float[] p, float[] g, float[][] state, long t);

    /** The same in double precision. */
    abstract void update(double[] p, double[] g, double[][] state, long t);

    @Override
    public final long iteration() {
        return iteration;
    }

    @Override
    public final Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < stateNames.size(); i++) {
            if (sf != null) {
                out.put(stateNames.get(i), HostVectors.toArray(sf[i]));
            } else if (sd != null) {
                out.put(stateNames.get(i), HostVectors.toArray(sd[i]));
            }
        }
        out.put("iteration", Nd4j.createFromArray(iteration));
        return out;
    }

    @Override
    public final void loadState(Map<String, INDArray> saved) {
        INDArray it = saved.get("iteration");
        if (it == null) {
            throw new IllegalArgumentException("optimizer state has no 'iteration'");
        }
        long steps = it.getLong(0);
        if (steps == 0) {
            iteration = 0;
            sf = null;
            sd = null;
            return;
        }
        float[][] f = null;
        double[][] d = null;
        for (int i = 0; i < stateNames.size(); i++) {
            INDArray a = saved.get(stateNames.get(i));
            if (a == null) {
                throw new IllegalArgumentException("optimizer state has no '" + stateNames.get(i) + "'");
            }
            if (a.dataType() == DataType.DOUBLE) {
                if (d == null) {
                    d = new double[stateNames.size()][];
                }
                d[i] = a.toDoubleVector();
            } else {
                if (f == null) {
                    f = new float[stateNames.size()][];
                }
                f[i] = a.castTo(DataType.FLOAT).toFloatVector();
            }
        }
        sf = f;
        sd = d;
        pf = null;
        pd = null;
        iteration = steps;
    }
}
