package org.vae4j.engine.params;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vae4j.api.Layer;
import org.vae4j.api.Parameter;

/**
 * Every parameter of a model, named by its path ({@code encoder.0.weight}) and moved into one flat
 * value vector and one flat gradient vector. An optimizer then updates the whole model with a
 * single native call, and gradient clipping takes one norm.
 */
public final class ParameterStore {
    private final Map<String, Parameter> byName;
    private final INDArray values;
    private final INDArray gradients;

    private ParameterStore(Map<String, Parameter> byName, DataType type) {
        this.byName = Collections.unmodifiableMap(byName);
        long total = 0;
        for (Parameter p : byName.values()) {
            total += p.length();
        }
        this.values = Nd4j.createUninitialized(type, new long[] {Math.max(total, 1)}, 'c');
        this.gradients = Nd4j.zeros(type, Math.max(total, 1));
        long offset = 0;
        for (Parameter p : byName.values()) {
            long n = p.length();
            long[] shape = p.value().shape();
            INDArray v = values.get(NDArrayIndex.interval(offset, offset + n)).reshape('c', shape);
            INDArray g = gradients.get(NDArrayIndex.interval(offset, offset + n)).reshape('c', shape);
            p.bind(v, g);
            offset += n;
        }
    }

    /**
     * Collects and flattens parameters.
     *
     * @param type   the floating-point type of the flat vectors (every parameter must have it)
     * @param groups named groups of parameters, e.g. {@code "likelihood" -> its parameters}
     * @param roots  named layer trees, e.g. {@code "encoder" -> encoder}
     * @return the store; the parameters are now views into it
     */
    public static ParameterStore of(DataType type, Map<String, Layer> roots, Map<String, List<Parameter>> groups) {
        Map<String, Parameter> named = new LinkedHashMap<>();
        roots.forEach((name, layer) -> collect(name, layer, named));
        groups.forEach((name, params) -> params.forEach(p -> put(named, name + "." + p.name(), p)));
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            if (e.getValue().value().dataType() != type) {
                throw new IllegalArgumentException("parameter " + e.getKey() + " is "
                        + e.getValue().value().dataType() + ", the model is " + type);
            }
        }
        return new ParameterStore(named, type);
    }

    private static void collect(String prefix, Layer layer, Map<String, Parameter> out) {
        for (Parameter p : layer.parameters()) {
            put(out, prefix + "." + p.name(), p);
        }
        List<Layer> children = layer.children();
        for (int i = 0; i < children.size(); i++) {
            collect(prefix + "." + i, children.get(i), out);
        }
    }

    private static void put(Map<String, Parameter> out, String name, Parameter p) {
        if (out.putIfAbsent(name, p) != null) {
            throw new IllegalArgumentException("two parameters are named " + name);
        }
    }

    /** @return the parameters by path, in a stable order */
    public Map<String, Parameter> byName() {
        return byName;
    }

    /** @return all values as one flat vector (the parameters are views into it) */
    public INDArray values() {
        return values;
    }

    /** @return all gradients as one flat vector (the gradients are views into it) */
    public INDArray gradients() {
        return gradients;
    }

    /** @return the number of scalar parameters */
    public long count() {
        return byName.isEmpty() ? 0 : values.length();
    }

    /**
     * Scales the gradients down so that their joint L2 norm is at most {@code maxNorm}.
     *
     * @param maxNorm the largest norm allowed, {@code > 0}
     * @return the norm before clipping
     */
    public double clipGradientNorm(double maxNorm) {
        double norm = gradients.norm2Number().doubleValue();
        if (norm > maxNorm) {
            gradients.muli(maxNorm / (norm + 1e-6));
        }
        return norm;
    }

    /**
     * Copies values into the parameters, for restoring a checkpoint.
     *
     * @param saved arrays by parameter path; every parameter must be present with its shape
     * @throws IllegalArgumentException naming a missing, extra or misshapen parameter
     */
    public void load(Map<String, INDArray> saved) {
        for (Map.Entry<String, Parameter> e : byName.entrySet()) {
            INDArray a = saved.get(e.getKey());
            if (a == null) {
                throw new IllegalArgumentException("checkpoint has no parameter " + e.getKey());
            }
            if (!java.util.Arrays.equals(a.shape(), e.getValue().value().shape())) {
                throw new IllegalArgumentException("parameter " + e.getKey() + " has shape "
                        + java.util.Arrays.toString(a.shape()) + " in the checkpoint, the model expects "
                        + java.util.Arrays.toString(e.getValue().value().shape()));
            }
        }
        for (String k : saved.keySet()) {
            if (!byName.containsKey(k)) {
                throw new IllegalArgumentException("checkpoint has parameter " + k + " the model does not have");
            }
        }
        byName.forEach((k, p) -> p.value().assign(saved.get(k).castTo(p.value().dataType())));
    }
}
