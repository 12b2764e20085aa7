package org.vae4j.api.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.vae4j.api.data.Batch;

/**
 * A latent-variable model with a proposal q(z|x) and tractable densities p(x|z), p(z) and
 * q(z|x): it can estimate each example's negative log-likelihood by importance sampling (Burda et
 * al., 2016), {@code -log (1/K) sum_k p(x, z_k) / q(z_k|x)} with {@code z_k ~ q(z|x)}, the
 * yardstick papers report. The estimate is an upper bound on {@code -log p(x)} that tightens as K
 * grows, and equals the negative ELBO's expectation at K = 1.
 */
public interface ImportanceWeighted {

    /**
     * @param batch   the examples
     * @param samples K, samples per example, >= 1
     * @param random  the stream of the samples
     * @return {@code [N]}: each example's estimate in nats (a new array)
     */
    INDArray importanceWeightedNll(Batch batch, int samples, Random random);
}
