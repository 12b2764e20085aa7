package org.vae4j.plugins.vae.objective;

import org.nd4j.linalg.api.rng.Random;
import org.vae4j.api.TrainingProgress;
import org.vae4j.api.data.Batch;
import org.vae4j.api.model.Metrics;
import org.vae4j.api.spi.ComponentKind;
import org.vae4j.plugins.vae.VaeModel;

/**
 * What a VAE's training step minimizes, named by {@code "objective": {"type": ...}}: the ELBO, a
 * plain autoencoder's reconstruction loss, or a plugin's own. An objective runs the model's
 * networks forward and backward with the model's {@linkplain VaeModel#trainingPass() training
 * pass} and adds the gradients of the batch-mean loss to the parameters.
 */
@ComponentKind("objective")
public interface VaeObjective {

    /** @return the name of the training phase, e.g. {@code elbo} */
    String name();

    /**
     * @return whether the encoder emits a diagonal Gaussian posterior ({@code [2L]}: means and
     *         log-variances) rather than a deterministic code ({@code [L]})
     */
    boolean variational();

    /**
     * @param progress where training is
     * @return the KL weight of a step there; 1 unless the objective has a schedule
     */
    default double beta(TrainingProgress progress) {
        return 1.0;
    }

    /**
     * One forward and backward pass on a batch.
     *
     * @param model  the model
     * @param batch  the batch
     * @param beta   the KL weight of this step
     * @param random the stream of the step's noise
     * @return the batch's sums ({@link VaeModel#figures})
     */
    Metrics trainStep(VaeModel model, Batch batch, double beta, Random random);
}
