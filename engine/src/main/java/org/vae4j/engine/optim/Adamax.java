package org.vae4j.engine.optim;

import java.util.List;

/**
 * Adamax, Adam's infinity-norm variant (seed 004 trains with it), as PyTorch's
 * {@code torch.optim.Adamax} computes it, with t the step counted from 1:
 * <pre>
 * m = beta1 * m + (1 - beta1) * g
 * u = max(beta2 * u, |g| + eps)
 * p -= lr / (1 - beta1^t) * m / u
 * </pre>
 */
public final class Adamax extends HostOptimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /**
     * @param lr      the learning rate (PyTorch's default is 0.002)
     * @param beta1   decay of the first moment (0.9)
     * @param beta2   decay of the infinity norm (0.999)
     * @param epsilon added to |g| (1e-8)
     */
    public Adamax(double lr, double beta1, double beta2, double epsilon) {
        super(List.of("m", "u"), lr);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    void update(float[] p, float[] g, float[][] s, long t) {
        float[] m = s[0];
        float[] u = s[1];
        float b1 = (float) beta1;
        float c1 = (float) (1 - beta1);
        float b2 = (float) beta2;
        float eps = (float) epsilon;
        float step = (float) (learningRate() / (1 - Math.pow(beta1, t)));
        for (int i = 0; i < p.length; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + c1 * gi;
            float ui = Math.max(b2 * u[i], Math.abs(gi) + eps);
            m[i] = mi;
            u[i] = ui;
            p[i] -= step * mi / ui;
        }
    }

    @Override
    void update(double[] p, double[] g, double[][] s, long t) {
        double[] m = s[0];
        double[] u = s[1];
        double step = learningRate() / (1 - Math.pow(beta1, t));
        for (int i = 0; i < p.length; i++) {
            double gi = g[i];
            double mi = beta1 * m[i] + (1 - beta1) * gi;
            double ui = Math.max(beta2 * u[i], Math.abs(gi) + epsilon);
            m[i] = mi;
            u[i] = ui;
            p[i] -= step * mi / ui;
        }
    }
}
