package org.vae4j.runner.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.vae4j.api.data.DataInfo;
import org.vae4j.api.model.Model;
import org.vae4j.engine.checkpoint.Checkpoint;
import org.vae4j.engine.params.ModelParameters;
import org.vae4j.runner.assemble.ModelAssembler;
import org.vae4j.runner.plugins.ProviderRegistry;
import org.vae4j.runner.spec.ExperimentSpec;
import org.vae4j.runner.spec.SpecParser;

/**
 * A model restored from a run directory's newest checkpoint, with the spec it was trained from.
 *
 * @param spec       the run's resolved spec
 * @param model      the model with its trained parameters and buffers
 * @param data       what the model knows of its data
 * @param epochsDone epochs the checkpoint completed
 */
public record TrainedModel(ExperimentSpec spec, Model model, DataInfo data, int epochsDone) {

    /**
     * @param run      the run directory
     * @param registry the providers
     * @return the restored model
     * @throws RunDirectoryException if the run has no checkpoint, or one that does not fit its spec
     * @throws IOException if files cannot be read
     */
    public static TrainedModel load(RunDirectory run, ProviderRegistry registry) throws IOException {
        Checkpoint.Loaded ckpt = Checkpoint.latest(run.checkpoints()).orElseThrow(() -> new RunDirectoryException(
                run.path() + " has no checkpoint yet (no epoch finished); train it first or resume it with --resume"));
        ExperimentSpec spec = new SpecParser(registry).parse(SpecMigration.upgrade(SpecParser.readTree(run.spec())),
                run.spec().toString());
        JsonNode shapeNode = ckpt.metadata().path("dataShape");
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
        }
        if (shape.length == 0) {
            throw new RunDirectoryException(run.checkpoints() + ": checkpoint metadata has no dataShape");
        }
        DataInfo data = ModelAssembler.dataInfo(spec.data(), shape);
        Model model = ModelAssembler.build(spec, data, run.spec().toString());
        try {
            ckpt.restore(ModelParameters.of(model, ModelAssembler.TYPE));
        } catch (IllegalArgumentException e) {
            throw new RunDirectoryException(run.checkpoints() + ": the checkpoint does not fit the model of "
                    + run.spec() + ": " + e.getMessage());
        }
        return new TrainedModel(spec, model, data, ckpt.epochsDone());
    }

    /**
     * @param dir a folder
     * @param registry the providers
     * @return the model of the run in that folder
     * @throws IOException if files cannot be read
     */
    public static TrainedModel load(Path dir, ProviderRegistry registry) throws IOException {
        return load(RunDirectory.open(dir), registry);
    }
}
