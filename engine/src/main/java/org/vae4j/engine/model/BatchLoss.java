package org.vae4j.engine.model;

/**
 * Sums over the examples of one batch, in nats. The negative ELBO of the batch at beta = 1 is
 * {@code reconstruction + kl}; the trained objective is {@code reconstruction + beta * kl}.
 *
 * @param reconstruction sum over examples of -E_q[log p(x|z)] (one z sample per example)
 * @param kl             sum over examples of KL(q(z|x) || p(z)); 0 for a plain autoencoder
 * @param examples       the number of examples
 */
public record BatchLoss(double reconstruction, double kl, long examples) {
    /** No examples. */
    public static final BatchLoss EMPTY = new BatchLoss(0, 0, 0);

    /**
     * @param other another batch's sums
     * @return the sums over both batches
     */
    public BatchLoss plus(BatchLoss other) {
        return new BatchLoss(reconstruction + other.reconstruction, kl + other.kl, examples + other.examples);
    }

    /** @return the mean negative ELBO per example at beta = 1 */
    public double meanNegativeElbo() {
        return (reconstruction + kl) / examples;
    }

    /** @return the mean reconstruction term per example */
    public double meanReconstruction() {
        return reconstruction / examples;
    }

    /** @return the mean KL per example */
    public double meanKl() {
        return kl / examples;
    }
}
