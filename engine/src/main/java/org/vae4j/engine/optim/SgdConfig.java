package org.vae4j.engine.optim;

/** {@code "optimizer": {"type": "sgd", "lr": 0.001, "momentum": 0}}. */
public final class SgdConfig {
    /** The learning rate. */
    public double lr = 0.001;
    /** The momentum, in [0, 1); 0 for plain SGD. */
    public double momentum = 0;

    void validate() {
        Ranges.learningRate(lr);
        Ranges.decay("momentum", momentum);
    }
}
