package org.vae4j.runner.spec;

/**
 * {@code "training": {"earlyStopping": {"metric": "neg_elbo", "patience": 3}}}: stop when a
 * validation figure has not improved for {@code patience} epochs, keeping the best epoch's model
 * as {@code checkpoints/best.npz}.
 *
 * @param metric      a figure the model reports on validation, e.g. {@code neg_elbo}
 * @param patience    epochs without improvement before training stops, >= 1
 * @param minDelta    how much better counts as better, >= 0
 * @param maximize    whether larger is better (default: smaller)
 * @param restoreBest whether the final test figures are the best epoch's (default) or the last's
 */
public record EarlyStoppingSpec(String metric, int patience, double minDelta, boolean maximize, boolean restoreBest) {
    /**
     * @param value     this epoch's figure
     * @param best      the best so far (NaN for none)
     * @return whether {@code value} improves on {@code best} by more than {@code minDelta}
     */
    public boolean improves(double value, double best) {
        if (Double.isNaN(best)) {
            return !Double.isNaN(value);
        }
        return maximize ? value > best + minDelta : value < best - minDelta;
    }
}
