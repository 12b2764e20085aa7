package org.vae4j.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A sweep file: a base spec and the values to try in it, by JSON path.
 *
 * <pre>{"description": "words for people", "base": "spec.json",
 *  "grid": {"$.model.latentDim": [16, 128, 1024], "$.objective.beta.value": [0.8, 1.0, 1.2]},
 *  "overrides": {"$.training.epochs": 20}}</pre>
 *
 * <p>{@code "grid"} may also be a list of such objects, as scikit-learn's ParameterGrid takes
 * one: the trials of each, one after the other (an autoencoder's latent sizes, then a VAE's
 * betas). Or {@code "random": {"draws": N, "seed": S, "space": {PATH: [choices] | {"uniform": [a, b]} |
 * {"logUniform": [a, b]} | {"int": [a, b]}}}} instead of {@code "grid"}. {@code base} is relative
 * to the sweep file. A grid's last path varies fastest. A path must name a value of the base spec;
 * an override may also add a field to an object the base spec has (e.g. {@code $.data.limit}).
 */
public final class SweepFile {
    static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Path base;
    private final String name;
    private final List<String> paths;
    private final List<Trial> trials;

    private SweepFile(Path file, Path base, String name, List<String> paths, List<Trial> trials) {
        this.file = file;
        this.base = base;
        this.name = name;
        this.paths = paths;
        this.trials = trials;
    }

    /**
     * @param file the sweep file
     * @return it, with its trials
     * @throws SweepException naming the file and JSON path at fault
     */
    public static SweepFile read(Path file) {
        JsonNode root = readJson(file, "sweep file");
        if (!root.isObject()) {
            throw new SweepException(file + ": must be a JSON object with \"base\" and \"grid\" or \"random\"");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!List.of("description", "base", "grid", "random", "overrides").contains(f)) {
                throw new SweepException(file + ": $." + f + ": unknown field; known: description, base, grid, random, "
                        + "overrides");
            }
        }
        JsonNode baseNode = root.get("base");
        if (baseNode == null || !baseNode.isTextual()) {
            throw new SweepException(file + ": $.base: is required, the path of the base spec relative to this file");
        }
        Path dir = file.toAbsolutePath().getParent();
        Path base = dir.resolve(baseNode.asText()).normalize();
        JsonNode spec = readJson(base, "base spec (from " + file + ": $.base)");
        if (!spec.isObject()) {
            throw new SweepException(base + ": the base spec must be a JSON object");
        }
        if (root.has("grid") == root.has("random")) {
            throw new SweepException(file + ": give either $.grid (every combination) or $.random (draws), not "
                    + (root.has("grid") ? "both" : "neither"));
        }
        List<Map<String, JsonNode>> combos = root.has("grid") ? grids(file, root.get("grid"))
                : random(file, root.get("random"));
        ObjectNode fixed = (ObjectNode) spec.deepCopy();
        absoluteDataPath(fixed, base.getParent());
        JsonNode overrides = root.get("overrides");
        if (overrides != null) {
            if (!overrides.isObject()) {
                throw new SweepException(file + ": $.overrides: must be an object of JSON path: value");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                set(file, "$.overrides", fixed, e.getKey(), e.getValue(), true);
            }
        }
        List<String> paths = new ArrayList<>();
        combos.forEach(c -> c.keySet().stream().filter(k -> !paths.contains(k)).forEach(paths::add));
        int n = combos.size();
        String baseName = spec.path("name").asText(stripJson(base.getFileName().toString()));
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode s = fixed.deepCopy();
            String trialName = String.format(Locale.ROOT, "trial-%03d", i + 1);
            s.put("name", baseName + "-" + trialName);
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : combos.get(i).entrySet()) {
                set(file, root.has("grid") ? "$.grid" : "$.random.space", s, e.getKey(), e.getValue(), false);
                values.put(e.getKey(), e.getValue().toString());
            }
            trials.add(new Trial(i, trialName, values, s.toPrettyString()));
        }
        return new SweepFile(file, base, stripJson(file.getFileName().toString()), paths, trials);
    }

    private static void set(Path file, String where, ObjectNode spec, String path, JsonNode value, boolean create) {
        try {
            JsonPath.parse(path).set(spec, value, create);
        } catch (IllegalArgumentException e) {
            throw new SweepException(file + ": " + where + "[\"" + path + "\"]: " + e.getMessage());
        }
    }

    /** The trials of a grid, or of a list of grids one after the other. */
    private static List<Map<String, JsonNode>> grids(Path file, JsonNode grid) {
        if (!grid.isArray()) {
            return grid(file, "$.grid", grid);
        }
        if (grid.size() == 0) {
            throw new SweepException(file + ": $.grid: an empty list; give one grid object or more");
        }
        List<Map<String, JsonNode>> out = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            out.addAll(grid(file, "$.grid[" + i + "]", grid.get(i)));
        }
        if (out.size() > 10_000) {
            throw new SweepException(file + ": $.grid: " + out.size() + " combinations; at most 10000");
        }
        return out;
    }

    /** Every combination, the last path varying fastest. */
    private static List<Map<String, JsonNode>> grid(Path file, String at, JsonNode grid) {
        if (!grid.isObject() || grid.size() == 0) {
            throw new SweepException(file + ": " + at + ": must be an object of JSON path: [values], with one path or "
                    + "more");
        }
        List<String> paths = new ArrayList<>();
        List<JsonNode> lists = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = grid.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray() || e.getValue().size() == 0) {
                throw new SweepException(file + ": " + at + "[\"" + e.getKey() + "\"]: must be a list of one value or "
                        + "more");
            }
            paths.add(e.getKey());
            lists.add(e.getValue());
        }
        int total = 1;
        for (JsonNode l : lists) {
            total = Math.multiplyExact(total, l.size());
            if (total > 10_000) {
                throw new SweepException(file + ": " + at + ": more than 10000 combinations");
            }
        }
        List<Map<String, JsonNode>> out = new ArrayList<>();
        for (int t = 0; t < total; t++) {
            int rest = t;
            JsonNode[] pick = new JsonNode[paths.size()];
            for (int k = paths.size() - 1; k >= 0; k--) {
                JsonNode l = lists.get(k);
                pick[k] = l.get(rest % l.size());
                rest /= l.size();
            }
            Map<String, JsonNode> trial = new LinkedHashMap<>();
            for (int k = 0; k < paths.size(); k++) {
                trial.put(paths.get(k), pick[k]);
            }
            out.add(trial);
        }
        return out;
    }

    /** N draws from the space with a seeded stream: choices uniformly, ranges as they say. */
    private static List<Map<String, JsonNode>> random(Path file, JsonNode random) {
        if (!random.isObject() || !random.path("draws").canConvertToInt() || random.path("draws").asInt() < 1
                || random.path("draws").asInt() > 10_000) {
            throw new SweepException(file + ": $.random.draws: is required, a whole number from 1 to 10000");
        }
        JsonNode space = random.get("space");
        if (space == null || !space.isObject() || space.size() == 0) {
            throw new SweepException(file + ": $.random.space: must be an object of JSON path: [choices] or "
                    + "{\"uniform\" | \"logUniform\" | \"int\": [low, high]}");
        }
        SplittableRandom r = new SplittableRandom(random.path("seed").asLong(0));
        int draws = random.get("draws").asInt();
        List<Map<String, JsonNode>> out = new ArrayList<>();
        for (int i = 0; i < draws; i++) {
            Map<String, JsonNode> trial = new LinkedHashMap<>();
            for (Iterator<String> it = space.fieldNames(); it.hasNext();) {
                String p = it.next();
                trial.put(p, draw(file, p, space.get(p), r));
            }
            out.add(trial);
        }
        return out;
    }

    private static JsonNode draw(Path file, String path, JsonNode range, SplittableRandom r) {
        String at = file + ": $.random.space[\"" + path + "\"]: ";
        if (range.isArray() && range.size() > 0) {
            return range.get(r.nextInt(range.size()));
        }
        if (range.isObject() && range.size() == 1) {
            String kind = range.fieldNames().next();
            JsonNode ab = range.get(kind);
            if (ab.isArray() && ab.size() == 2 && ab.get(0).isNumber() && ab.get(1).isNumber()
                    && ab.get(0).asDouble() < ab.get(1).asDouble()) {
                double a = ab.get(0).asDouble();
                double b = ab.get(1).asDouble();
                switch (kind) {
                    case "uniform":
                        return DoubleNode.valueOf(a + (b - a) * r.nextDouble());
                    case "logUniform":
                        if (a > 0) {
                            return DoubleNode.valueOf(Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * r.nextDouble()));
                        }
                        throw new SweepException(at + "logUniform needs 0 < low < high");
                    case "int":
                        return IntNode.valueOf((int) a + r.nextInt((int) b - (int) a + 1));
                    default:
                        break;
                }
            }
        }
        throw new SweepException(at + "must be a list of choices or {\"uniform\" | \"logUniform\" | \"int\": [low, high]}"
                + " with low < high, got " + range);
    }

    /** A relative data.path is relative to the base spec's folder; the trials' specs live elsewhere. */
    private static void absoluteDataPath(ObjectNode spec, Path specDir) {
        JsonNode data = spec.get("data");
        if (data instanceof ObjectNode d && d.path("path").isTextual()) {
            Path p = Path.of(d.get("path").asText());
            if (!p.isAbsolute()) {
                d.set("path", TextNode.valueOf(specDir.resolve(p).normalize().toString()));
            }
        }
    }

    private static JsonNode readJson(Path file, String what) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new SweepException(file + ": the " + what + " does not exist");
        } catch (JsonProcessingException e) {
            throw new SweepException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SweepException(file + ": cannot read the " + what + ": " + e.getMessage());
        }
    }

    private static String stripJson(String fileName) {
        return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }

    /** @return the sweep file */
    public Path file() {
        return file;
    }

    /** @return the base spec */
    public Path base() {
        return base;
    }

    /** @return the sweep file's name without {@code .json}: the default folder's name */
    public String name() {
        return name;
    }

    /** @return the swept JSON paths, in the file's order */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    /** @return the trials, in order */
    public List<Trial> trials() {
        return List.copyOf(trials);
    }
}
