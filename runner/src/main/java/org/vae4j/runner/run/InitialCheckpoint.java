package org.vae4j.runner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vae4j.api.model.Model;
import org.vae4j.datasets.Sha256;
import org.vae4j.engine.checkpoint.Checkpoint;
import org.vae4j.engine.params.ModelParameters;
import org.vae4j.runner.assemble.ModelAssembler;
import org.vae4j.runner.spec.ExperimentSpec;

/**
 * {@code vae4j train SPEC --init-from RUN_DIR[/checkpoints/NAME]}: another run's trained
 * parameters (and buffers, such as batch-norm statistics) as the starting point of a new run,
 * for fine-tuning; the optimizer starts afresh. The model the spec builds must have exactly the
 * parameters of the checkpoint, with the same shapes. The new run's provenance records the
 * checkpoint file and its SHA-256, and {@code --rerun} starts from it again.
 *
 * @param file       the checkpoint's arrays ({@code .npz})
 * @param sha256     their SHA-256
 * @param epochsDone the epochs the checkpoint completed in its own run
 * @param checkpoint the checkpoint read
 */
public record InitialCheckpoint(Path file, String sha256, int epochsDone, Checkpoint.Loaded checkpoint) {
    /** The provenance field that records it. */
    public static final String PROVENANCE_FIELD = "initFrom";

    /**
     * @param given a run folder (its newest checkpoint), or a checkpoint in its {@code checkpoints}
     *              folder by name or file: {@code RUN/checkpoints/best}, {@code .../epoch-7},
     *              {@code .../epoch-0007.npz}
     * @return the checkpoint
     * @throws RunDirectoryException if it names no checkpoint
     * @throws IOException if its files cannot be read
     */
    public static InitialCheckpoint locate(Path given) throws IOException {
        Path dir;
        String name;
        if (Files.isRegularFile(given.resolve("spec.json"))) {
            dir = given.resolve("checkpoints");
            name = "latest";
        } else {
            dir = given.toAbsolutePath().getParent();
            name = given.getFileName().toString().replaceAll("\\.(npz|json)$", "");
        }
        Checkpoint.Loaded loaded = dir == null ? null : Checkpoint.named(dir, name).orElse(null);
        if (loaded == null) {
            throw new RunDirectoryException("--init-from " + given + ": no checkpoint there; give a run folder (its "
                    + "newest checkpoint) or RUN/checkpoints/NAME, e.g. RUN/checkpoints/best or RUN/checkpoints/epoch-7");
        }
        Path npz = dir.resolve(loaded.metadata().path("arrays").asText(name + ".npz"));
        return new InitialCheckpoint(npz.toAbsolutePath().normalize(), Sha256.of(npz), loaded.epochsDone(), loaded);
    }

    /**
     * @param provenance a run's provenance manifest
     * @return the checkpoint it recorded, checked to be unchanged, or null if it records none
     * @throws RunDirectoryException if the recorded file is gone or has changed
     * @throws IOException if it cannot be read
     */
    public static InitialCheckpoint recorded(JsonNode provenance) throws IOException {
        JsonNode r = provenance.path(PROVENANCE_FIELD);
        if (!r.isObject()) {
            return null;
        }
        Path file = Path.of(r.path("file").asText());
        if (!Files.isRegularFile(file)) {
            throw new RunDirectoryException("the run started from " + file + " (--init-from), which is no longer "
                    + "there; without it the run cannot be repeated");
        }
        InitialCheckpoint now = locate(file);
        if (!now.sha256().equals(r.path("sha256").asText())) {
            throw new RunDirectoryException("the run started from " + file + " (--init-from), which has changed since "
                    + "(SHA-256 " + now.sha256() + ", recorded " + r.path("sha256").asText() + ")");
        }
        return now;
    }

    /**
     * @param params the new run's parameters, overwritten
     * @throws IllegalArgumentException naming every parameter that is missing, extra or of another shape
     */
    public void applyTo(ModelParameters params) {
        checkpoint.restore(params);
    }

    /**
     * Checks before a run folder is made that the spec's model takes this checkpoint: the model
     * is built for the data shape the checkpoint was trained on and the arrays are loaded into it.
     *
     * @param spec   the new run's spec
     * @param source the spec file, for messages
     * @throws IllegalArgumentException naming every parameter that is missing, extra or of another shape
     */
    public void check(ExperimentSpec spec, String source) {
        JsonNode shapeNode = checkpoint.metadata().path("dataShape");
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
        }
        Model model = ModelAssembler.build(spec, ModelAssembler.dataInfo(spec.data(), shape), source);
        applyTo(ModelParameters.of(model, ModelAssembler.TYPE));
    }

    /** @return what provenance.json records */
    public ObjectNode record() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("file", file.toString());
        n.put("sha256", sha256);
        n.put("epochsDone", epochsDone);
        return n;
    }
}
