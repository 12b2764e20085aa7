package org.vae4j.runner.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
        return load(run, registry, "latest");
    }

    /**
     * @param run        the run directory
     * @param registry   the providers
     * @param checkpoint which checkpoint: {@code latest}, {@code best} (early stopping's) or
     *                   {@code epoch-N} (one the run kept)
     * @return the restored model
     * @throws RunDirectoryException if the run has no such checkpoint, or one that does not fit its spec
     * @throws IOException if files cannot be read
     */
    public static TrainedModel load(RunDirectory run, ProviderRegistry registry, String checkpoint) throws IOException {
        Checkpoint.Loaded ckpt = Checkpoint.named(run.checkpoints(), checkpoint).orElseThrow(() ->
                new RunDirectoryException(checkpoint.equals("latest")
                        ? run.path() + " has no checkpoint yet (no epoch finished); train it first or resume it with "
                        + "--resume"
                        : run.path() + " has no checkpoint '" + checkpoint + "'; it has: "
                        + String.join(", ", available(run))));
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
        List<String> classNames = new java.util.ArrayList<>();
        ckpt.metadata().path("classNames").forEach(n -> classNames.add(n.asText()));
        // checkpoints before class names were recorded: the data set's known names
        DataInfo data = classNames.isEmpty() ? ModelAssembler.dataInfo(spec.data(), shape)
                : ModelAssembler.dataInfo(spec.data(), shape, classNames);
        Model model = ModelAssembler.build(spec, data, run.spec().toString());
        try {
            ckpt.restore(ModelParameters.of(model, ModelAssembler.TYPE));
        } catch (IllegalArgumentException e) {
            throw new RunDirectoryException(run.checkpoints() + ": the checkpoint does not fit the model of "
                    + run.spec() + ": " + e.getMessage());
        }
        return new TrainedModel(spec, model, data, ckpt.epochsDone());
    }

    /** @return the checkpoint names a run folder has, e.g. latest, best, epoch-3 */
    private static List<String> available(RunDirectory run) {
        List<String> out = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(run.checkpoints())) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (n.equals("latest.json")) {
                    out.add(0, "latest");
                } else if (n.matches("epoch-\\d+\\.npz")) {
                    out.add("epoch-" + Integer.parseInt(n.substring(6, n.length() - 4)));
                } else if (n.endsWith(".npz")) {
                    out.add(n.substring(0, n.length() - 4));
                }
            }
        } catch (IOException e) {
            // none, then
        }
        return out;
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
