package org.vae4j.runner.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A whole experiment, checked and with every default filled in.
 *
 * @param name      the experiment's name; the default run directory is {@code runs/<name>}
 * @param seed      the seed every random stream of the run derives from
 * @param data      data set, transforms, batching
 * @param model     latent size and components
 * @param objective ELBO or autoencoder, and beta
 * @param optimizer optimizer settings
 * @param training  epochs and checkpoints
 * @param resolved  all of the above as JSON, written to the run directory as {@code spec.json}
 */
public record ExperimentSpec(String name, long seed, DataSpec data, ModelSpec model, ObjectiveSpec objective,
                            OptimizerSpec optimizer, TrainingSpec training, ObjectNode resolved) {
}
