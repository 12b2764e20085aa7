package org.vae4j.engine.optim;

import java.util.List;

/**
 * Stochastic gradient descent with optional momentum, as PyTorch's {@code torch.optim.SGD}:
 * {@code b = g} at the first step and {@code b = mu * b + g} after; {@code p -= lr * b}
 * (plain SGD, {@code p -= lr * g}, when mu = 0).
 */
public final class Sgd extends HostOptimizer {
    private final double momentum;

    /**
     * @param lr       the learning rate
     * @param momentum the momentum mu in [0, 1)
     */
    public Sgd(double lr, double momentum) {
        super(List.of("momentum"), lr);
        this.momentum = momentum;
    }

    @Override
    void update(float[] p, float[] g, float[][] s, long t) {
        float[] b = s[0];
        float mu = (float) momentum;
        float rate = (float) learningRate();
        for (int i = 0; i < p.length; i++) {
            float bi = t == 1 ? g[i] : mu * b[i] + g[i];
            b[i] = bi;
            p[i] -= rate * bi;
        }
    }

    @Override
    void update(double[] p, double[] g, double[][] s, long t) {
        double[] b = s[0];
        double rate = learningRate();
        for (int i = 0; i < p.length; i++) {
            double bi = t == 1 ? g[i] : momentum * b[i] + g[i];
            b[i] = bi;
            p[i] -= rate * bi;
        }
    }
}
