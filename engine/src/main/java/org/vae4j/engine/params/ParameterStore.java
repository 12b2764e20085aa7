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
import org.vae4j.api.model.ParameterGroup;

/**
 * The parameters of one {@link ParameterGroup}, named by their path ({@code encoder.0.weight})
 * and moved into one flat value vector and one flat gradient vector. The group's optimizer then
 * updates it with a single call, gradient clipping takes one norm, and zeroing the gradients
 * before a phase is one fill.
 */
public final class ParameterStore {
    private final String group;
    private final Map<String, Parameter> byName;
    private final INDArray values;
    private final INDArray gradients;

    private ParameterStore(String group, Map<String, Parameter> byName, DataType type) {
        this.group = group;
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
     * Collects and flattens the parameters of a group.
     *
     * @param group the group
     * @param type  the floating-point type of the flat vectors (every parameter must have it)
     * @return the store; the parameters are now views into it
     * @throws IllegalArgumentException if two parameters share a path or one has another type
     */
    public static ParameterStore of(ParameterGroup group, DataType type) {
        Map<String, Parameter> named = new LinkedHashMap<>();
        group.networks().forEach((name, layer) -> collect(name, layer, named));
        group.parameters().forEach((name, params) -> params.forEach(p -> put(named, name + "." + p.name(), p)));
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            if (e.getValue().value().dataType() != type) {
                throw new IllegalArgumentException("parameter " + e.getKey() + " is "
                        + e.getValue().value().dataType() + ", the model is " + type);
            }
        }
        return new ParameterStore(group.name(), named, type);
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

    /** @return the group's name */
    public String group() {
        return group;
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

    /** Sets every gradient to zero, before a phase adds its gradients. */
    public void zeroGradients() {
        gradients.assign(0);
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
}
