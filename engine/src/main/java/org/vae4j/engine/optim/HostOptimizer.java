package org.vae4j.engine.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.engine.params.ParameterStore;

/**
 * The bookkeeping every optimizer shares: the flat parameter and gradient vectors are copied to
 * heap arrays, updated by a plain loop the JIT vectorizes (see {@link HostVectors} for why), and
 * copied back; state vectors live on the heap between steps. Float models update in float and
 * double models (gradient checks) in double.
 */
abstract class HostOptimizer implements Optimizer {
    private final List<String> stateNames;
    private float[] pf;
    private float[] gf;
    private float[][] sf;
    private double[] pd;
    private double[] gd;
    private double[][] sd;
    private long iteration;

    HostOptimizer(List<String> stateNames) {
        this.stateNames = stateNames;
    }

    @Override
    public final void step(ParameterStore params) {
        INDArray values = params.values();
        INDArray grads = params.gradients();
        int n = Math.toIntExact(values.length());
        long t = iteration + 1;
        if (HostVectors.isFloat(values)) {
            if (pf == null || pf.length != n) {
                pf = new float[n];
                gf = new float[n];
                if (sf == null || sf.length == 0 || sf[0].length != n) {
                    sf = new float[stateNames.size()][n];
                }
            }
            HostVectors.read(values, pf);
            HostVectors.read(grads, gf);
            update(pf, gf, sf, t);
            HostVectors.write(pf, values);
        } else {
            if (pd == null || pd.length != n) {
                pd = new double[n];
                gd = new double[n];
                if (sd == null || sd.length == 0 || sd[0].length != n) {
                    sd = new double[stateNames.size()][n];
                }
            }
            HostVectors.read(values, pd);
            HostVectors.read(grads, gd);
            update(pd, gd, sd, t);
            HostVectors.write(pd, values);
        }
        iteration++;
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
