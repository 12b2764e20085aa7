package org.vae4j.api.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.vae4j.api.data.Batch;

/** A model with a bound on the log-likelihood of each example: per-example learning curves. */
public interface DensityModel {

    /**
     * @param batch  the examples
     * @param random the stream of any noise the bound draws
     * @return {@code [N]}: the negative ELBO of each example in nats, at beta = 1 (a new array)
     */
    INDArray negativeElbo(Batch batch, Random random);
}
