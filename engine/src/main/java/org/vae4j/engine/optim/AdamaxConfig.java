package org.vae4j.engine.optim;

/** {@code "optimizer": {"type": "adamax", ...}}: Adam's fields, with PyTorch's default learning rate 0.002. */
public final class AdamaxConfig extends AdamConfig {
    /** PyTorch's default for Adamax. */
    public AdamaxConfig() {
        lr = 0.002;
    }
}
