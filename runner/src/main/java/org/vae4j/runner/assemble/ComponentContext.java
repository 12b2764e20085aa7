package org.vae4j.runner.assemble;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.rng.Random;
import org.vae4j.api.Layer;
import org.vae4j.api.data.DataInfo;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.runner.spec.ComponentSpec;
import org.vae4j.runner.spec.SpecParser;

/**
 * The {@link BuildContext} a component of the spec is built with: what it must fit, and how it
 * builds the components of its slots. A failure anywhere is a {@link ComponentFailure} naming the
 * JSON path of the component at fault, which the assembler reports as a spec problem.
 */
final class ComponentContext implements BuildContext {
    private final ComponentSpec spec;
    private final DataInfo data;
    private final long[] input;
    private final long[] output;
    private final int latentDim;
    private final DataType dataType;
    private final InitialValues initialValues;
    private final Map<Class<?>, Object> shared;

    ComponentContext(ComponentSpec spec, DataInfo data, long[] input, long[] output, int latentDim, DataType dataType,
                     InitialValues initialValues, Map<Class<?>, Object> shared) {
        this.spec = spec;
        this.data = data;
        this.input = input.clone();
        this.output = output.clone();
        this.latentDim = latentDim;
        this.dataType = dataType;
        this.initialValues = initialValues;
        this.shared = Map.copyOf(shared);
    }

    /**
     * Builds the component of {@code spec} in this context and checks that it is a {@code kind}.
     *
     * @param kind        the interface wanted
     * @param inputWhat   words for the input shape in messages, or null
     * @param outputWhat  words for the output shape in messages, or null
     * @param <T>         the component type
     * @return the component
     * @throws ComponentFailure naming the path at fault
     */
    <T> T build(Class<T> kind, String inputWhat, String outputWhat) {
        Object made;
        try {
            made = spec.provider().create(spec.config(), this);
        } catch (ConfigException e) {
            throw new ComponentFailure(SpecParser.at(spec.path(), e.field()), e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw new ComponentFailure(spec.path(), "cannot build " + spec.type() + ": " + e.getMessage());
        }
        if (!kind.isInstance(made)) {
            throw new ComponentFailure(spec.path(), "provider '" + spec.type() + "' returned "
                    + (made == null ? "null" : made.getClass().getName()) + ", not a " + kind.getSimpleName());
        }
        if (made instanceof Layer layer) {
            expect(layer.inputShape(), input, "input", inputWhat);
            expect(layer.outputShape(), output, "output", outputWhat);
        }
        return kind.cast(made);
    }

    // a layer may take or give the wanted shape or its flattened width
    private void expect(long[] actual, long[] wanted, String side, String what) {
        if (wanted.length == 0) {
            return;
        }
        long width = 1;
        for (long s : wanted) {
            width *= s;
        }
        boolean flat = actual.length == 1 && actual[0] == width;
        if (!flat && !Arrays.equals(actual, wanted)) {
            String field = spec.path().substring(spec.path().lastIndexOf('.') + 1);
            throw new ComponentFailure(spec.path(), "shape mismatch: the " + spec.type() + " " + field + "'s " + side
                    + " is " + Arrays.toString(actual) + " per example, but it must fit "
                    + (what != null ? what : Arrays.toString(wanted)));
        }
    }

    @Override
    public String path() {
        return spec.path();
    }

    @Override
    public DataInfo data() {
        return data;
    }

    @Override
    public long[] inputShape() {
        return input.clone();
    }

    @Override
    public long[] outputShape() {
        return output.clone();
    }

    @Override
    public int latentDim() {
        return latentDim;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public Random random() {
        return initialValues.streamFor(spec.path());
    }

    @Override
    public <T> Optional<T> shared(Class<T> type) {
        return Optional.ofNullable(type.cast(shared.get(type)));
    }

    @Override
    public SlotRequest slot(String field) {
        ComponentSpec child = spec.slots().get(field);
        if (child == null) {
            throw new IllegalArgumentException(spec.type() + " at " + spec.path() + " has no slot '" + field
                    + "'; its slots: " + String.join(", ", spec.slots().keySet()));
        }
        return new Request(child);
    }

    /** A slot being built. */
    private final class Request implements SlotRequest {
        private final ComponentSpec child;
        private long[] in = new long[0];
        private long[] out = new long[0];
        private String inWhat;
        private String outWhat;
        private int latent = latentDim;
        private final Map<Class<?>, Object> share = new java.util.LinkedHashMap<>(shared);

        Request(ComponentSpec child) {
            this.child = child;
        }

        @Override
        public SlotRequest input(String what, long... shape) {
            this.inWhat = what;
            this.in = shape.clone();
            return this;
        }

        @Override
        public SlotRequest output(String what, long... shape) {
            this.outWhat = what;
            this.out = shape.clone();
            return this;
        }

        @Override
        public SlotRequest latentDim(int latentDim) {
            this.latent = latentDim;
            return this;
        }

        @Override
        public SlotRequest share(Object component) {
            // under every interface it has, so a slot asks for the contract it knows
            for (Class<?> c = component.getClass(); c != null; c = c.getSuperclass()) {
                for (Class<?> i : c.getInterfaces()) {
                    share.put(i, component);
                }
                share.put(c, component);
            }
            return this;
        }

        @Override
        public <T> T create(Class<T> kind) {
            return new ComponentContext(child, data, in, out, latent, dataType, initialValues, share)
                    .build(kind, inWhat, outWhat);
        }
    }
}
