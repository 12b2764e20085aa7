package org.vae4j.engine.optim;

import java.util.List;

/**
 * Adam (Kingma and Ba, 2015) exactly as PyTorch's {@code torch.optim.Adam} computes it. With g the
 * gradient and t the step counted from 1:
 * <pre>
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g^2
 * p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 */
public final class Adam extends HostOptimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /**
     * @param lr      the learning rate
     * @param beta1   decay of the first moment (0.9)
     * @param beta2   decay of the second moment (0.999)
     * @param epsilon added to the denominator (1e-8)
     */
    public Adam(double lr, double beta1, double beta2, double epsilon) {
        super(List.of("m", "v"), lr);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    void update(float[] p, float[] g, float[][] s, long t) {
        float[] m = s[0];
        float[] v = s[1];
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float c1 = (float) (1 - beta1);
        float c2 = (float) (1 - beta2);
        float step = (float) (learningRate() / (1 - Math.pow(beta1, t)));
        float invSqrtBc2 = (float) (1 / Math.sqrt(1 - Math.pow(beta2, t)));
        float eps = (float) epsilon;
        for (int i = 0; i < p.length; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + c1 * gi;
            float vi = b2 * v[i] + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] -= step * mi / ((float) Math.sqrt(vi) * invSqrtBc2 + eps);
        }
    }

    @Override
    void update(double[] p, double[] g, double[][] s, long t) {
        double[] m = s[0];
        double[] v = s[1];
        double step = learningRate() / (1 - Math.pow(beta1, t));
        double invSqrtBc2 = 1 / Math.sqrt(1 - Math.pow(beta2, t));
        for (int i = 0; i < p.length; i++) {
            double gi = g[i];
            double mi = beta1 * m[i] + (1 - beta1) * gi;
            double vi = beta2 * v[i] + (1 - beta2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] -= step * mi / (Math.sqrt(vi) * invSqrtBc2 + epsilon);
        }
    }
}
