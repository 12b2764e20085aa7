package org.vae4j.engine.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.engine.io.AtomicFiles;
import org.vae4j.engine.io.Npz;
import org.vae4j.engine.optim.Optimizer;
import org.vae4j.engine.params.ParameterStore;

/**
 * Checkpoints of a training run, in a directory, in a format NumPy reads and Java serialization
 * plays no part in:
 *
 * <ul>
 *   <li>{@code epoch-0003.npz}: one array per model parameter, named {@code param/<path>}
 *       (e.g. {@code param/encoder.0.weight}), and the optimizer's state, named
 *       {@code optimizer/<name>} (e.g. {@code optimizer/m}, {@code optimizer/iteration}).</li>
 *   <li>{@code epoch-0003.json}: the epoch completed (counted from 1), the run seed, and the
 *       resolved spec the run was made from.</li>
 *   <li>{@code latest.json}: which checkpoint is the newest, written last.</li>
 * </ul>
 *
 * <p>Each file is written atomically (temporary file, fsync, rename) and {@code latest.json} only
 * after the others, so a crash at any point leaves the previous checkpoint intact and pointed to.
 * No random generator state needs saving: every random stream of a run is derived from the seed
 * and the epoch.
 */
public final class Checkpoint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARAM = "param/";
    private static final String OPTIMIZER = "optimizer/";

    private Checkpoint() {
    }

    /**
     * Writes the checkpoint of a completed epoch and keeps only the newest {@code keep}.
     *
     * @param dir            the checkpoints directory (created if absent)
     * @param epochsDone     epochs completed, counted from 1
     * @param params         the model's parameters
     * @param optimizer      the optimizer
     * @param metadata       the run seed, resolved spec and anything else to restore with
     * @param keep           how many checkpoints to keep, at least 1
     * @return the .npz file written
     * @throws IOException if writing fails; earlier checkpoints stay intact
     */
    public static Path save(Path dir, int epochsDone, ParameterStore params, Optimizer optimizer,
                            ObjectNode metadata, int keep) throws IOException {
        Files.createDirectories(dir);
        String base = String.format("epoch-%04d", epochsDone);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        params.byName().forEach((k, p) -> arrays.put(PARAM + k, p.value()));
        optimizer.state().forEach((k, v) -> arrays.put(OPTIMIZER + k, v));
        Path npz = dir.resolve(base + ".npz");
        Npz.write(npz, arrays);
        ObjectNode meta = metadata.deepCopy();
        meta.put("epochsDone", epochsDone);
        meta.put("arrays", base + ".npz");
        AtomicFiles.writeString(dir.resolve(base + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(meta));
        ObjectNode latest = JSON.createObjectNode();
        latest.put("checkpoint", base);
        latest.put("epochsDone", epochsDone);
        AtomicFiles.writeString(dir.resolve("latest.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(latest));
        prune(dir, keep);
        return npz;
    }

    private static void prune(Path dir, int keep) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().matches("epoch-\\d{4,}\\.npz"))
                    .sorted(java.util.Comparator.comparingLong(Checkpoint::epochOf)).forEach(all::add);
        }
        for (int i = 0; i < all.size() - Math.max(1, keep); i++) {
            Path npz = all.get(i);
            Files.deleteIfExists(Path.of(npz.toString().replaceAll("\\.npz$", ".json")));
            Files.deleteIfExists(npz);
        }
    }

    private static long epochOf(Path npz) {
        String n = npz.getFileName().toString();
        return Long.parseLong(n.substring("epoch-".length(), n.length() - ".npz".length()));
    }

    /**
     * The newest checkpoint in a directory.
     *
     * @param dir the checkpoints directory
     * @return the checkpoint, or empty if none was completed
     * @throws IOException if {@code latest.json} or the files it names are unreadable
     */
    public static Optional<Loaded> latest(Path dir) throws IOException {
        Path latest = dir.resolve("latest.json");
        if (!Files.exists(latest)) {
            return Optional.empty();
        }
        JsonNode pointer = readJson(latest);
        String base = pointer.path("checkpoint").asText("");
        if (!base.matches("epoch-\\d{4,}")) {
            throw new IOException(latest + ": field 'checkpoint' must name a checkpoint like epoch-0003, got '" + base + "'");
        }
        return Optional.of(load(dir, base));
    }

    private static Loaded load(Path dir, String base) throws IOException {
        JsonNode meta = readJson(dir.resolve(base + ".json"));
        Map<String, INDArray> arrays = Npz.read(dir.resolve(base + ".npz"));
        Map<String, INDArray> params = new LinkedHashMap<>();
        Map<String, INDArray> opt = new LinkedHashMap<>();
        arrays.forEach((k, v) -> {
            if (k.startsWith(PARAM)) {
                params.put(k.substring(PARAM.length()), v);
            } else if (k.startsWith(OPTIMIZER)) {
                opt.put(k.substring(OPTIMIZER.length()), v);
            }
        });
        return new Loaded(meta.path("epochsDone").asInt(), (ObjectNode) meta, params, opt);
    }

    private static JsonNode readJson(Path file) throws IOException {
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw new IOException(file + ": expected a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A checkpoint read back.
     *
     * @param epochsDone epochs completed, counted from 1
     * @param metadata   what {@link #save} was given, plus bookkeeping
     * @param parameters parameter arrays by path
     * @param optimizer  optimizer state arrays by name
     */
    public record Loaded(int epochsDone, ObjectNode metadata, Map<String, INDArray> parameters,
                         Map<String, INDArray> optimizer) {
        /**
         * Restores parameters and optimizer state.
         *
         * @param params    the model's parameters
         * @param opt       the optimizer
         */
        public void restore(ParameterStore params, Optimizer opt) {
            params.load(parameters);
            opt.loadState(optimizer);
        }
    }
}
