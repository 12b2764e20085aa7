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
import org.vae4j.api.optim.Optimizer;
import org.vae4j.engine.params.ModelParameters;

/**
 * Checkpoints of a training run, in a directory, in a format NumPy reads and Java serialization
 * plays no part in:
 *
 * <ul>
 *   <li>{@code epoch-0003.npz}: one array per model parameter, named {@code param/<path>}
 *       (e.g. {@code param/encoder.0.weight}), one per buffer, named {@code buffer/<path>}
 *       (running statistics), and the state of each parameter group's optimizer, named
 *       {@code optimizer/<group>/<name>} (e.g. {@code optimizer/model/m},
 *       {@code optimizer/discriminator/iteration}).</li>
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
    private static final String BUFFER = "buffer/";
    private static final String OPTIMIZER = "optimizer/";

    private Checkpoint() {
    }

    /**
     * Writes the checkpoint of a completed epoch and keeps only the newest {@code keep}.
     *
     * @param dir            the checkpoints directory (created if absent)
     * @param epochsDone     epochs completed, counted from 1
     * @param params         the model's parameters and buffers
     * @param optimizers     the optimizer of each parameter group, by group name
     * @param metadata       the run seed, resolved spec and anything else to restore with
     * @param keep           how many checkpoints to keep, at least 1
     * @return the .npz file written
     * @throws IOException if writing fails; earlier checkpoints stay intact
     */
    public static Path save(Path dir, int epochsDone, ModelParameters params, Map<String, Optimizer> optimizers,
                            ObjectNode metadata, int keep) throws IOException {
        Files.createDirectories(dir);
        String base = String.format("epoch-%04d", epochsDone);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        params.parameterValues().forEach((k, v) -> arrays.put(PARAM + k, v));
        params.buffers().forEach((k, b) -> arrays.put(BUFFER + k, b.value()));
        optimizers.forEach((group, o) -> o.state().forEach((k, v) -> arrays.put(OPTIMIZER + group + "/" + k, v)));
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

    /**
     * Saves the model under a name of its own, e.g. {@code best}: {@code best.npz} and
     * {@code best.json}, atomically, apart from the epoch checkpoints, {@code latest.json} and
     * their pruning.
     *
     * @param dir        the checkpoints directory
     * @param name       the name, lower-case letters and dashes
     * @param epochsDone the epochs the model has completed
     * @param params     the model's parameters and buffers
     * @param optimizers the optimizer of each parameter group
     * @param metadata   what to restore with
     * @throws IOException if writing fails; an earlier checkpoint of the name stays intact
     */
    public static void saveNamed(Path dir, String name, int epochsDone, ModelParameters params,
                                 Map<String, Optimizer> optimizers, ObjectNode metadata) throws IOException {
        if (!name.matches("[a-z]+(-[a-z]+)*")) {
            throw new IllegalArgumentException("a checkpoint name is lower-case letters and dashes, got '" + name + "'");
        }
        Files.createDirectories(dir);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        params.parameterValues().forEach((k, v) -> arrays.put(PARAM + k, v));
        params.buffers().forEach((k, b) -> arrays.put(BUFFER + k, b.value()));
        optimizers.forEach((group, o) -> o.state().forEach((k, v) -> arrays.put(OPTIMIZER + group + "/" + k, v)));
        Npz.write(dir.resolve(name + ".npz"), arrays);
        ObjectNode meta = metadata.deepCopy();
        meta.put("epochsDone", epochsDone);
        meta.put("arrays", name + ".npz");
        AtomicFiles.writeString(dir.resolve(name + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(meta));
    }

    /**
     * A checkpoint by name: {@code latest}, a name {@link #saveNamed} wrote (e.g. {@code best}),
     * or an epoch's, {@code epoch-3} or {@code epoch-0003}.
     *
     * @param dir  the checkpoints directory
     * @param name which
     * @return it, or empty if there is no such checkpoint
     * @throws IOException if its files are unreadable
     */
    public static Optional<Loaded> named(Path dir, String name) throws IOException {
        if (name.equals("latest")) {
            return latest(dir);
        }
        String base = name;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("epoch-(\\d+)").matcher(name);
        if (m.matches()) {
            base = String.format("epoch-%04d", Long.parseLong(m.group(1)));
        } else if (!name.matches("[a-z]+(-[a-z]+)*")) {
            return Optional.empty();
        }
        if (!Files.exists(dir.resolve(base + ".json")) || !Files.exists(dir.resolve(base + ".npz"))) {
            return Optional.empty();
        }
        return Optional.of(load(dir, base));
    }

    private static Loaded load(Path dir, String base) throws IOException {
        JsonNode meta = readJson(dir.resolve(base + ".json"));
        Map<String, INDArray> arrays = Npz.read(dir.resolve(base + ".npz"));
        Map<String, INDArray> params = new LinkedHashMap<>();
        Map<String, INDArray> buffers = new LinkedHashMap<>();
        Map<String, Map<String, INDArray>> opt = new LinkedHashMap<>();
        arrays.forEach((k, v) -> {
            if (k.startsWith(PARAM)) {
                params.put(k.substring(PARAM.length()), v);
            } else if (k.startsWith(BUFFER)) {
                buffers.put(k.substring(BUFFER.length()), v);
            } else if (k.startsWith(OPTIMIZER)) {
                String rest = k.substring(OPTIMIZER.length());
                int slash = rest.indexOf('/');
                // checkpoints of vae4j 0.1 had one optimizer and no group: optimizer/<name>
                String group = slash < 0 ? "" : rest.substring(0, slash);
                opt.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(rest.substring(slash + 1), v);
            }
        });
        return new Loaded(meta.path("epochsDone").asInt(), (ObjectNode) meta, params, buffers, opt);
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
     * @param buffers    buffer arrays by path
     * @param optimizers optimizer state arrays by group name, then by name (group "" in
     *                   checkpoints of vae4j 0.1, which had one optimizer)
     */
    public record Loaded(int epochsDone, ObjectNode metadata, Map<String, INDArray> parameters,
                         Map<String, INDArray> buffers, Map<String, Map<String, INDArray>> optimizers) {
        /**
         * Restores parameters and buffers.
         *
         * @param params the model's parameters
         * @throws IllegalArgumentException if the checkpoint does not fit the model
         */
        public void restore(ModelParameters params) {
            params.load(parameters, buffers);
        }

        /**
         * Restores parameters, buffers and every group's optimizer state.
         *
         * @param params     the model's parameters
         * @param optimizers the optimizer of each group, by group name
         * @throws IllegalArgumentException if the checkpoint does not fit the model
         */
        public void restore(ModelParameters params, Map<String, Optimizer> optimizers) {
            restore(params);
            for (Map.Entry<String, Optimizer> e : optimizers.entrySet()) {
                Map<String, INDArray> state = this.optimizers.get(e.getKey());
                if (state == null && optimizers.size() == 1) {
                    state = this.optimizers.get("");
                }
                if (state == null) {
                    throw new IllegalArgumentException("the checkpoint has no optimizer state of parameter group '"
                            + e.getKey() + "'");
                }
                e.getValue().loadState(state);
            }
        }
    }
}
