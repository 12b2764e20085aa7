package org.vae4j.runner.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vae4j.api.model.Model;
import org.vae4j.api.optim.LearningRateSchedule;
import org.vae4j.api.optim.Optimizer;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.api.spi.Provider;
import org.vae4j.api.spi.Slot;
import org.vae4j.datasets.DatasetCatalog;
import org.vae4j.api.data.DatasetReader;
import org.vae4j.runner.plugins.Kinds;
import org.vae4j.runner.plugins.ProviderRegistry;
import org.vae4j.runner.plugins.RegisteredProvider;
import org.vae4j.runner.plugins.UnknownProviderException;

/**
 * Turns spec JSON into an {@link ExperimentSpec}, finding every problem it can before any
 * training: syntax errors (with line and column), unknown fields, unknown provider types (listing
 * the registered ones), missing values and out-of-range numbers, each with its JSON path.
 *
 * <p>Components are bound to their provider's config class by Jackson with unknown properties
 * rejected and no polymorphic typing: a spec can name registered providers only, never a class.
 */
public final class SpecParser {
    /**
     * The JSON mapper used for specs: strict about unknown fields, no default typing, and no
     * coercion between JSON types inside provider configurations either ({@code "32"} is not a
     * number, {@code 3} not a string), as for the spec's own fields.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // a configuration with no fields (most objectives, priors, commands) resolves to {}
            .disable(com.fasterxml.jackson.databind.SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // messages quote line and column, not the file's content
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // {"epochs": 5, "epochs": 50}: which one was meant is a guess, so neither is taken
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // a plugin's configuration class could still ask for class names (@JsonTypeInfo with
            // Id.CLASS); a validator that allows no class keeps specs from naming any
            .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder().build())
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();
    /** The data sets a spec may name: the IDX sets and CIFAR-10, as the data set catalog knows them. */
    private static final List<String> DATASETS = DatasetCatalog.standard().names();
    /** The model family of a spec whose {@code "model"} names none. */
    public static final String DEFAULT_FAMILY = "vae";
    /** An optimizer's field naming its learning-rate schedule. */
    public static final String SCHEDULE = "schedule";

    private final ProviderRegistry registry;

    /** @param registry the providers a spec may name */
    public SpecParser(ProviderRegistry registry) {
        this.registry = registry;
    }

    /**
     * Reads a spec file as a JSON tree.
     *
     * @param file the spec
     * @return its root object
     * @throws SpecException for a missing file or a syntax error (with line and column)
     */
    public static ObjectNode readTree(Path file) {
        String src = file.toString();
        try {
            JsonNode n = MAPPER.readTree(Files.readAllBytes(file));
            if (n == null || n.isMissingNode()) {
                throw single(src, "$", "the file is empty; expected a JSON object");
            }
            if (!n.isObject()) {
                throw single(src, "$", "must be a JSON object, got " + JsonObjectReader.kind(n));
            }
            return (ObjectNode) n;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr()
                    + " (byte " + loc.getByteOffset() + ")";
            throw single(src, "$", "not valid JSON" + where + ": " + syntaxMessage(e));
        } catch (NoSuchFileException e) {
            throw single(src, "$", "no such file");
        } catch (IOException e) {
            throw single(src, "$", "cannot be read: " + e.getMessage());
        }
    }

    private static String syntaxMessage(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        if (m.startsWith("Trailing token")) {
            return "more content after the end of the top-level object; a spec is exactly one JSON object";
        }
        if (m.startsWith("Duplicate field")) {
            // Jackson: "Duplicate field 'epochs'"
            return m.replace("Duplicate field", "the field") + " appears twice in one object; keep one";
        }
        // "start marker at [Source: UNKNOWN; line: 2, column: 10]": the file is named already
        return m.replaceAll("\\[Source: [^;\\]]*; ", "[");
    }

    /** @return {@code [C, H, W]} with C 1 or 3, or null after recording why not */
    private static long[] imageShape(com.fasterxml.jackson.databind.JsonNode n, Problems problems) {
        boolean ok = n.isArray() && n.size() == 3;
        for (int i = 0; ok && i < 3; i++) {
            ok = n.get(i).canConvertToInt() && n.get(i).isIntegralNumber() && n.get(i).asInt() >= 1
                    && n.get(i).asInt() <= 100_000;
        }
        if (!ok || (n.get(0).asInt() != 1 && n.get(0).asInt() != 3)) {
            problems.add("$.data.imageShape", "must be [C, H, W]: C 1 (grey) or 3 (RGB), H and W from 1 to 100000, got "
                    + n);
            return null;
        }
        return new long[] {n.get(0).asLong(), n.get(1).asLong(), n.get(2).asLong()};
    }

    private static SpecException single(String src, String path, String message) {
        return new SpecException(src, List.of(new SpecProblem(path, message)));
    }

    /**
     * @param root   the spec's root object
     * @param source the file name, for messages
     * @return the checked spec
     * @throws SpecException listing every problem found
     */
    public ExperimentSpec parse(ObjectNode root, String source) {
        Problems problems = new Problems();
        JsonObjectReader top = new JsonObjectReader(root, "$", problems);
        String name = top.string("name", null, null);
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            problems.add("$.name", "must be letters, digits, '.', '_' or '-' (it names the run folder), got '" + name + "'");
        }
        long seed = top.integer("seed", 42L, 0, Long.MAX_VALUE);

        JsonObjectReader d = top.object("data");
        List<String> readers = registry.names(DatasetReader.class);
        List<String> datasets = new ArrayList<>(DATASETS);
        readers.stream().filter(r -> !DATASETS.contains(r)).forEach(datasets::add);
        String dataset = d.string("dataset", null, datasets);
        String path = d.optionalString("path");
        String transform = d.string("transform", "scale", DataSpec.TRANSFORMS);
        int bits = (int) d.integer("bits", 4L, 1, 8);
        long binarizeSeed = d.integer("binarizeSeed", 3435L, 0, Long.MAX_VALUE);
        String input = d.string("input", "same", DataSpec.INPUTS);
        int validation = (int) d.integer("validation", 0L, 0, 1_000_000);
        // read only when given, so that specs without it resolve as before
        String validationSplit = d.has("validationSplit") ? d.string("validationSplit", "last",
                DataSpec.VALIDATION_SPLITS) : "last";
        int limit = (int) d.integer("limit", 0L, 0, Integer.MAX_VALUE);
        int batchSize = (int) d.integer("batchSize", 128L, 1, 1_000_000);
        int evalBatchSize = (int) d.integer("evalBatchSize", 1000L, 1, 1_000_000);
        boolean download = d.bool("download", true);
        double testFraction = d.has("testFraction") ? d.number("testFraction", null, 0, 1, true) : 0;
        if (testFraction >= 1) {
            problems.add("$.data.testFraction", "must be below 1 (some images must be left to train on), got "
                    + testFraction);
        }
        // read only when used, so that specs without a held-out test split resolve as before
        long splitSeed = testFraction > 0 || "random".equals(validationSplit) || d.has("splitSeed")
                ? d.integer("splitSeed", 1L, 0, Long.MAX_VALUE) : 1L;
        String ownLayout = dataset == null || !DATASETS.contains(dataset) ? null
                : DatasetCatalog.standard().get(dataset).format().ownDataLayout();
        if (ownLayout != null && path == null) {
            problems.add("$.data.path", "is required for " + dataset + ": " + ownLayout);
        }
        long[] imageShape = null;
        if (d.has("imageShape")) {
            imageShape = imageShape(d.raw("imageShape"), problems);
            if (!DatasetCatalog.IMAGE_FOLDER.equals(dataset)) {
                problems.add("$.data.imageShape", "is for " + DatasetCatalog.IMAGE_FOLDER + " only: the other data sets "
                        + "have images of one shape");
            }
        }
        boolean resize = d.has("resize") && d.bool("resize", false);
        if (resize && !d.has("imageShape")) {
            problems.add("$.data.resize", "needs $.data.imageShape, the [C, H, W] to scale the images to");
        }
        // read only when given (so that older specs resolve as before), but known either way
        ComponentSpec reader = null;
        if (dataset != null && !DATASETS.contains(dataset) && readers.contains(dataset)) {
            reader = reader(dataset, d.has("reader") ? d.raw("reader") : null, problems);
            if (path == null) {
                problems.add("$.data.path", "is required for " + dataset + ", a data set a plugin reads from there");
            }
        } else if (d.has("reader")) {
            problems.add("$.data.reader", "is the settings of a plugin's data set reader; " + dataset
                    + " is read by vae4j itself");
        }
        for (String optional : List.of("validationSplit", "testFraction", "splitSeed", "imageShape", "resize", "reader")) {
            d.allow(optional);
        }
        d.finish();
        DataSpec data = new DataSpec(dataset, path, transform, bits, binarizeSeed, input, validation, validationSplit,
                limit, batchSize, evalBatchSize, download, testFraction, splitSeed, imageShape, resize, reader);

        // the model family first: its root slots (a VAE's objective) are fields of the spec's root
        ComponentSpec model = component(top.raw("model"), "$.model", Model.class, DEFAULT_FAMILY, problems);
        Map<String, ComponentSpec> slots = new LinkedHashMap<>();
        List<Slot> rootSlots = new ArrayList<>();
        if (model != null) {
            slots.putAll(model.slots());
            for (Slot slot : model.provider().slots()) {
                if (slot.root()) {
                    rootSlots.add(slot);
                    ComponentSpec c = component(top.raw(slot.field()), "$." + slot.field(), slot.kind(),
                            slot.defaultType(), problems);
                    if (c != null) {
                        slots.put(slot.field(), c);
                    }
                }
            }
            model = new ComponentSpec(model.path(), model.type(), model.provider(), model.config(), model.resolved(),
                    slots);
        } else {
            // an unknown family: its fields at the root are not typos too
            for (RegisteredProvider p : registry.providers(Model.class)) {
                p.provider().slots().stream().filter(Slot::root).forEach(sl -> top.raw(sl.field()));
            }
        }

        JsonNode opNode = top.raw("optimizer");
        double clip = 0;
        if (opNode instanceof ObjectNode op && op.has("clipNorm")) {
            ObjectNode copy = op.deepCopy();
            JsonObjectReader clipReader = new JsonObjectReader(copy, "$.optimizer", problems);
            clip = clipReader.number("clipNorm", 0.0, 0, Double.POSITIVE_INFINITY, false);
            copy.remove("clipNorm");
            opNode = copy;
        }
        ComponentSpec schedule = schedule(opNode, "$.optimizer", problems);
        ComponentSpec optimizer = component(withoutSchedule(opNode), "$.optimizer", Optimizer.class, "adam", problems,
                List.of("clipNorm", SCHEDULE));
        Map<String, ComponentSpec> optimizers = new LinkedHashMap<>();
        Map<String, ComponentSpec> schedules = new LinkedHashMap<>();
        JsonNode perGroup = top.raw("optimizers");
        if (perGroup != null && !perGroup.isNull()) {
            if (!perGroup.isObject()) {
                problems.add("$.optimizers", "must be a JSON object of parameter group names to optimizers, got "
                        + JsonObjectReader.kind(perGroup));
            } else {
                perGroup.fields().forEachRemaining(e -> {
                    String at = "$.optimizers." + e.getKey();
                    ComponentSpec groupSchedule = schedule(e.getValue(), at, problems);
                    ComponentSpec c = component(withoutSchedule(e.getValue()), at, Optimizer.class, "adam",
                            problems, List.of(SCHEDULE));
                    if (c != null) {
                        optimizers.put(e.getKey(), c);
                    }
                    if (groupSchedule != null) {
                        schedules.put(e.getKey(), groupSchedule);
                    }
                });
            }
        }

        JsonObjectReader t = top.object("training");
        int epochs = (int) t.integer("epochs", null, 1, 100_000);
        int keep = (int) t.integer("keepCheckpoints", 2L, 1, 100_000);
        boolean testEach = t.bool("testEachEpoch", false);
        int iwEvery = (int) t.integer("iwEvery", 0L, 0, 100_000);
        int iwSamples = (int) t.integer("iwSamples", 100L, 1, 1_000_000);
        int iwExamples = (int) t.integer("iwExamples", 1000L, 0, Integer.MAX_VALUE);
        // present only in runs extended by --resume --epochs: the epochs their schedules were laid over
        int scheduleEpochs = t.has("scheduleEpochs") ? (int) t.integer("scheduleEpochs", null, 1, 100_000) : epochs;
        EarlyStoppingSpec early = null;
        t.allow("earlyStopping");
        if (t.has("earlyStopping")) {
            JsonObjectReader e = t.object("earlyStopping");
            String metric = e.string("metric", null, null);
            int patience = (int) e.integer("patience", 3L, 1, 100_000);
            double minDelta = e.number("minDelta", 0.0, 0, Double.MAX_VALUE, false);
            String mode = e.string("mode", "min", List.of("min", "max"));
            boolean restore = e.bool("restoreBest", true);
            e.finish();
            // a nested reader keeps its own resolved copy: the run's spec.json needs it for --resume
            t.resolved().set("earlyStopping", e.resolved());
            early = new EarlyStoppingSpec(metric, patience, minDelta, "max".equals(mode), restore);
            if (data.validation() == 0) {
                problems.add(t.path("earlyStopping"), "needs a validation split to watch: set $.data.validation "
                        + "to the number of training images to hold out (e.g. 5000)");
            }
        }
        t.finish();
        TrainingSpec training = new TrainingSpec(epochs, keep, testEach, scheduleEpochs, early, iwEvery, iwSamples,
                iwExamples);
        top.finish();
        problems.throwIfAny(source);

        ObjectNode resolved = MAPPER.createObjectNode();
        resolved.put("name", name);
        resolved.put("seed", seed);
        resolved.set("data", d.resolved());
        resolved.set("model", model.resolved());
        for (Slot slot : rootSlots) {
            resolved.set(slot.field(), slots.get(slot.field()).resolved());
        }
        ObjectNode opResolved = optimizer.resolved().deepCopy();
        opResolved.put("clipNorm", clip);
        if (schedule != null) {
            opResolved.set(SCHEDULE, schedule.resolved());
        }
        resolved.set("optimizer", opResolved);
        if (!optimizers.isEmpty()) {
            ObjectNode o = resolved.putObject("optimizers");
            optimizers.forEach((k, v) -> {
                ObjectNode g = v.resolved().deepCopy();
                if (schedules.containsKey(k)) {
                    g.set(SCHEDULE, schedules.get(k).resolved());
                }
                o.set(k, g);
            });
        }
        resolved.set("training", t.resolved());
        return new ExperimentSpec(name, seed, data, model, optimizer, optimizers, schedule, schedules, clip, training,
                resolved);
    }

    /**
     * @param optimizer an optimizer's JSON object, or anything else (reported by the optimizer's own check)
     * @param path      its JSON path
     * @return the learning-rate schedule it names in {@code "schedule"}, or null for none
     */
    private ComponentSpec schedule(JsonNode optimizer, String path, Problems problems) {
        if (optimizer instanceof ObjectNode op && op.has(SCHEDULE)) {
            return component(op.get(SCHEDULE), path + "." + SCHEDULE, LearningRateSchedule.class, null, problems);
        }
        return null;
    }

    /** @return an optimizer's JSON object without its {@code "schedule"}, which the runner, not the optimizer, reads */
    private static JsonNode withoutSchedule(JsonNode optimizer) {
        if (optimizer instanceof ObjectNode op && op.has(SCHEDULE)) {
            ObjectNode copy = op.deepCopy();
            copy.remove(SCHEDULE);
            return copy;
        }
        return optimizer;
    }

    /**
     * Resolves one component and, recursively, the components of its slots: the provider named by
     * {@code "type"} (or the default), its configuration bound from the other fields, checked by
     * the provider, and every problem recorded with its JSON path.
     *
     * @return the component, or null if it cannot be resolved (the problems say why)
     */
    /** The reader of a plugin's data set: {@code data.reader} (its settings, optional) typed as the data set. */
    private ComponentSpec reader(String dataset, JsonNode raw, Problems problems) {
        if (raw != null && !raw.isObject()) {
            problems.add("$.data.reader", "must be a JSON object (the settings of the reader of " + dataset + "), got "
                    + JsonObjectReader.kind(raw));
            return null;
        }
        ObjectNode settings = raw == null ? MAPPER.createObjectNode() : ((ObjectNode) raw).deepCopy();
        if (settings.has("type")) {
            problems.add("$.data.reader.type", "is the data set's name, " + dataset + "; leave it out");
            return null;
        }
        settings.put("type", dataset);
        return component(settings, "$.data.reader", DatasetReader.class, null, problems);
    }

    private ComponentSpec component(JsonNode raw, String path, Class<?> kind, String defaultType, Problems problems) {
        return component(raw, path, kind, defaultType, problems, List.of());
    }

    /** @param extraKnown fields the caller took out of the object before (the optimizer's clipNorm) */
    private ComponentSpec component(JsonNode raw, String path, Class<?> kind, String defaultType, Problems problems,
                                    List<String> extraKnown) {
        ObjectNode obj;
        if (raw == null || raw.isNull()) {
            if (defaultType == null) {
                problems.add(path, "is required: an object with a \"type\"; registered " + Kinds.name(kind)
                        + " types: " + String.join(", ", registry.names(kind)));
                return null;
            }
            obj = MAPPER.createObjectNode().put("type", defaultType);
        } else if (!raw.isObject()) {
            problems.add(path, "must be a JSON object with a \"type\", got " + JsonObjectReader.kind(raw));
            return null;
        } else {
            obj = ((ObjectNode) raw).deepCopy();
        }
        JsonNode typeNode = obj.remove("type");
        if (typeNode == null && defaultType != null) {
            typeNode = TextNode.valueOf(defaultType);
        }
        if (typeNode == null || !typeNode.isTextual()) {
            problems.add(path + ".type", (typeNode == null ? "is required" : "must be a string, got "
                    + JsonObjectReader.describe(typeNode)) + "; registered " + Kinds.name(kind) + " types: "
                    + String.join(", ", registry.names(kind)));
            return null;
        }
        String type = typeNode.asText();
        Provider<?, Object> provider;
        try {
            provider = registry.get(castKind(kind), type);
        } catch (UnknownProviderException e) {
            problems.add(path + ".type", e.getMessage());
            return null;
        }
        Map<String, JsonNode> slotNodes = new LinkedHashMap<>();
        for (Slot slot : provider.slots()) {
            if (!slot.root()) {
                slotNodes.put(slot.field(), obj.remove(slot.field()));
            }
        }
        Object config;
        try {
            config = MAPPER.treeToValue(obj, provider.configClass());
        } catch (UnrecognizedPropertyException e) {
            List<Object> known = new ArrayList<>(e.getKnownPropertyIds() == null ? List.of() : e.getKnownPropertyIds());
            known.addAll(slotNodes.keySet());
            known.addAll(extraKnown);
            problems.add(path + "." + e.getPropertyName(), "unknown field for " + Kinds.name(kind) + " '" + type
                    + "'; known fields: " + known(known));
            return null;
        } catch (InvalidTypeIdException e) {
            problems.add(path + jsonPath(e.getPath()), "names the Java class '" + e.getTypeId() + "'; a spec names "
                    + "registered component types only, never classes");
            return null;
        } catch (MismatchedInputException e) {
            problems.add(path + jsonPath(e.getPath()), mismatch(e, obj, provider.configClass()));
            return null;
        } catch (JsonMappingException e) {
            problems.add(path + jsonPath(e.getPath()), e.getCause() instanceof InputCoercionException c
                    ? outOfRange(c) : "invalid value: " + e.getOriginalMessage());
            return null;
        } catch (JsonProcessingException e) {
            problems.add(path, "invalid: " + e.getOriginalMessage());
            return null;
        } catch (IllegalArgumentException e) {
            problems.add(path, "invalid: " + e.getMessage());
            return null;
        }
        boolean valid = true;
        try {
            provider.validate(config);
        } catch (ConfigException e) {
            problems.add(at(path, e.field()), e.getMessage());
            valid = false;
        }
        Map<String, ComponentSpec> children = new LinkedHashMap<>();
        for (Slot slot : provider.slots()) {
            if (!slot.root()) {
                ComponentSpec c = component(slotNodes.get(slot.field()), path + "." + slot.field(), slot.kind(),
                        slot.defaultType(), problems);
                if (c == null) {
                    valid = false;
                } else {
                    children.put(slot.field(), c);
                }
            }
        }
        if (!valid) {
            return null;
        }
        ObjectNode resolved = MAPPER.createObjectNode().put("type", type);
        resolved.setAll((ObjectNode) MAPPER.valueToTree(config));
        children.forEach((field, c) -> resolved.set(field, c.resolved()));
        return new ComponentSpec(path, type, provider, config, resolved, children);
    }

    /**
     * @param path  a component's JSON path
     * @param field a field a {@link ConfigException} names: relative to the component, or absolute
     *              when it starts with {@code $}
     * @return the field's JSON path
     */
    public static String at(String path, String field) {
        if (field == null || field.isEmpty()) {
            return path;
        }
        if (field.startsWith("$")) {
            return field;
        }
        return path + (field.startsWith("[") ? "" : ".") + field;
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> castKind(Class<?> kind) {
        return (Class<T>) kind;
    }

    private static String known(Collection<Object> ids) {
        List<String> names = new ArrayList<>();
        if (ids != null) {
            ids.forEach(i -> names.add(String.valueOf(i)));
        }
        names.sort(null);
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    /**
     * "must be a whole number, got the string \"32\"" rather than Jackson's words: the type the
     * configuration class declares at the failing path, and the JSON value found there.
     */
    private static String mismatch(MismatchedInputException e, ObjectNode obj, Class<?> configClass) {
        JavaType type = MAPPER.constructType(configClass);
        JsonNode node = obj;
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                node = node == null ? null : node.get(r.getFieldName());
                type = type == null ? null : propertyType(type, r.getFieldName());
            } else if (r.getIndex() >= 0) {
                node = node == null ? null : node.get(r.getIndex());
                type = type == null ? null : type.getContentType();
            }
        }
        String expected = type != null ? expected(type, false) : null;
        if (expected == null && e.getTargetType() != null) {
            expected = expected(MAPPER.constructType(e.getTargetType()), false);
        }
        if (expected == null || node == null) {
            return "invalid value: " + e.getOriginalMessage();
        }
        return "must be " + expected + ", got " + JsonObjectReader.describe(node);
    }

    /** A JSON number too large for the configuration field's Java type. */
    private static String outOfRange(InputCoercionException c) {
        Class<?> t = c.getTargetType();
        String got;
        try {
            got = c.getProcessor() == null ? null : c.getProcessor().getText();
        } catch (IOException e) {
            got = null;
        }
        String range = t == Integer.TYPE || t == Integer.class ? Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                : t == Long.TYPE || t == Long.class ? Long.MIN_VALUE + " to " + Long.MAX_VALUE : null;
        if (range == null) {
            return "out of range: " + c.getOriginalMessage();
        }
        return "must be a whole number from " + range + (got == null ? "" : ", got " + got);
    }

    private static JavaType propertyType(JavaType bean, String field) {
        BeanDescription d = MAPPER.getDeserializationConfig().introspect(bean);
        for (BeanPropertyDefinition p : d.findProperties()) {
            if (p.getName().equals(field)) {
                return p.getPrimaryType();
            }
        }
        return null;
    }

    private static String expected(JavaType t, boolean plural) {
        Class<?> c = t.getRawClass();
        if (t.isCollectionLikeType() || t.isArrayType()) {
            String of = t.getContentType() == null ? null : expected(t.getContentType(), true);
            return plural ? "arrays" : of == null ? "an array" : "an array of " + of;
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class || c == short.class
                || c == Short.class || c == byte.class || c == Byte.class) {
            return plural ? "whole numbers" : "a whole number";
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class
                || Number.class.isAssignableFrom(c)) {
            return plural ? "numbers" : "a number";
        }
        if (c == boolean.class || c == Boolean.class) {
            return plural ? "booleans" : "true or false";
        }
        if (CharSequence.class.isAssignableFrom(c)) {
            return plural ? "strings" : "a string";
        }
        if (c.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object o : c.getEnumConstants()) {
                names.add(String.valueOf(o));
            }
            return "one of " + String.join(", ", names);
        }
        if (t.isMapLikeType() || !c.isPrimitive()) {
            return plural ? "objects" : "an object";
        }
        return null;
    }

    private static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                sb.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

}
