package org.vae4j.api.command;

import java.nio.file.Path;
import org.vae4j.api.data.DataInfo;
import org.vae4j.api.model.Model;

/**
 * A run folder's model restored from its newest checkpoint.
 *
 * @param folder     the run folder
 * @param model      the model with its trained parameters; its capabilities tell what it can do
 * @param data       the data it was trained on
 * @param epochsDone the epochs its checkpoint completed
 * @param seed       the run's seed, from which a command derives its own random streams
 */
public record TrainedRun(Path folder, Model model, DataInfo data, int epochsDone, long seed) {
}
