package org.vae4j.engine.params;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.Buffer;
import org.vae4j.api.Layer;
import org.vae4j.api.Parameter;
import org.vae4j.api.model.Model;
import org.vae4j.api.model.ParameterGroup;

/**
 * Every parameter and buffer of a model: one {@link ParameterStore} per parameter group, and the
 * buffers of its networks (running statistics), all named by path. Paths are unique over the whole
 * model, which is how checkpoints store them.
 */
public final class ModelParameters {
    private final Map<String, ParameterStore> groups;
    private final Map<String, Buffer> buffers;

    private ModelParameters(Map<String, ParameterStore> groups, Map<String, Buffer> buffers) {
        this.groups = Collections.unmodifiableMap(groups);
        this.buffers = Collections.unmodifiableMap(buffers);
    }

    /**
     * @param model the model
     * @param type  the floating-point type of its parameters
     * @return its parameters, moved into one flat store per group
     * @throws IllegalArgumentException if two groups share a name or two parameters a path
     */
    public static ModelParameters of(Model model, DataType type) {
        Map<String, ParameterStore> groups = new LinkedHashMap<>();
        Map<String, Buffer> buffers = new LinkedHashMap<>();
        java.util.Set<String> paths = new java.util.HashSet<>();
        for (ParameterGroup g : model.parameterGroups()) {
            ParameterStore store = ParameterStore.of(g, type);
            if (groups.putIfAbsent(g.name(), store) != null) {
                throw new IllegalArgumentException("two parameter groups are named " + g.name());
            }
            for (String path : store.byName().keySet()) {
                if (!paths.add(path)) {
                    throw new IllegalArgumentException("two parameters are named " + path);
                }
            }
            g.networks().forEach((name, layer) -> collectBuffers(name, layer, buffers));
        }
        return new ModelParameters(groups, buffers);
    }

    private static void collectBuffers(String prefix, Layer layer, Map<String, Buffer> out) {
        for (Buffer b : layer.buffers()) {
            if (out.putIfAbsent(prefix + "." + b.name(), b) != null) {
                throw new IllegalArgumentException("two buffers are named " + prefix + "." + b.name());
            }
        }
        List<Layer> children = layer.children();
        for (int i = 0; i < children.size(); i++) {
            collectBuffers(prefix + "." + i, children.get(i), out);
        }
    }

    /** @return the stores by group name, in the model's order */
    public Map<String, ParameterStore> groups() {
        return groups;
    }

    /**
     * @param name a group's name
     * @return its store
     * @throws IllegalArgumentException naming the groups there are
     */
    public ParameterStore group(String name) {
        ParameterStore s = groups.get(name);
        if (s == null) {
            throw new IllegalArgumentException("the model has no parameter group '" + name + "'; its groups: "
                    + String.join(", ", groups.keySet()));
        }
        return s;
    }

    /** @return the buffers by path */
    public Map<String, Buffer> buffers() {
        return buffers;
    }

    /** @return every parameter's value by path, over all groups */
    public Map<String, INDArray> parameterValues() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        groups.values().forEach(s -> s.byName().forEach((k, p) -> out.put(k, p.value())));
        return out;
    }

    /** @return the number of scalar parameters over all groups */
    public long count() {
        long n = 0;
        for (ParameterStore s : groups.values()) {
            n += s.count();
        }
        return n;
    }

    /**
     * Copies saved values into the parameters and buffers, for restoring a checkpoint.
     *
     * @param parameters arrays by parameter path; every parameter must be present with its shape
     * @param savedBuffers arrays by buffer path; every buffer must be present with its shape
     * @throws IllegalArgumentException naming a missing, extra or misshapen array
     */
    public void load(Map<String, INDArray> parameters, Map<String, INDArray> savedBuffers) {
        Map<String, INDArray> targets = new LinkedHashMap<>();
        groups.values().forEach(s -> s.byName().forEach((k, p) -> targets.put(k, p.value())));
        List<String> problems = new ArrayList<>();
        check("parameter", targets, parameters, problems);
        Map<String, INDArray> bufferTargets = new LinkedHashMap<>();
        buffers.forEach((k, b) -> bufferTargets.put(k, b.value()));
        check("buffer", bufferTargets, savedBuffers, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        targets.forEach((k, v) -> v.assign(parameters.get(k).castTo(v.dataType())));
        bufferTargets.forEach((k, v) -> v.assign(savedBuffers.get(k).castTo(v.dataType())));
    }

    private static void check(String what, Map<String, INDArray> targets, Map<String, INDArray> saved,
                              List<String> problems) {
        for (Map.Entry<String, INDArray> e : targets.entrySet()) {
            INDArray a = saved.get(e.getKey());
            if (a == null) {
                problems.add("the checkpoint has no " + what + " " + e.getKey());
            } else if (!Arrays.equals(a.shape(), e.getValue().shape())) {
                problems.add(what + " " + e.getKey() + " has shape " + Arrays.toString(a.shape())
                        + " in the checkpoint, the model expects " + Arrays.toString(e.getValue().shape()));
            }
        }
        for (String k : saved.keySet()) {
            if (!targets.containsKey(k)) {
                problems.add("the checkpoint has " + what + " " + k + " the model does not have");
            }
        }
    }

    /** @return every parameter, by path (for tests and gradient checks) */
    public Map<String, Parameter> parameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        groups.values().forEach(s -> out.putAll(s.byName()));
        return out;
    }

    /** @return the floating-point type: that of the first group's vector, FLOAT if none */
    public DataType dataType() {
        return groups.isEmpty() ? DataType.FLOAT : groups.values().iterator().next().values().dataType();
    }
}
