package org.vae4j.engine.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.data.DataInfo;
import org.vae4j.api.spi.BuildContext;

/**
 * A {@link BuildContext} for provider tests, in the plugin SDK's test jar: data, the shapes a
 * component must fit, a latent size, a type and a seeded stream, and slots answered by functions
 * the test gives. Immutable; every {@code with} returns a copy.
 */
public final class TestContext implements BuildContext {
    private final DataInfo data;
    private final long[] input;
    private final long[] output;
    private final int latentDim;
    private final DataType type;
    private final long seed;
    private final Map<String, Function<Class<?>, Object>> slots;
    private Random random;

    private TestContext(DataInfo data, long[] input, long[] output, int latentDim, DataType type, long seed,
                        Map<String, Function<Class<?>, Object>> slots) {
        this.data = data;
        this.input = input.clone();
        this.output = output.clone();
        this.latentDim = latentDim;
        this.type = type;
        this.seed = seed;
        this.slots = Map.copyOf(slots);
    }

    /**
     * @param shape one example's shape, e.g. {@code 1, 28, 28}
     * @return a context for intensities in [0, 1] of that shape, FLOAT, seed 1, no shapes set
     */
    public static TestContext of(long... shape) {
        return new TestContext(new DataInfo("test", shape, DataInfo.SCALE, 0, DataInfo.SAME, List.of()), new long[0],
                new long[0], 0, DataType.FLOAT, 1, Map.of());
    }

    /**
     * @param d the data as this context has it
     * @return a copy with other data
     */
    public TestContext withData(DataInfo d) {
        return new TestContext(d, input, output, latentDim, type, seed, slots);
    }

    /**
     * @param in  the shape the component maps from
     * @param out the shape it maps to
     * @return a copy with these shapes
     */
    public TestContext shapes(long[] in, long[] out) {
        return new TestContext(data, in, out, latentDim, type, seed, slots);
    }

    /**
     * @param in  the width the component maps from
     * @param out the width it maps to
     * @return a copy with these flat shapes
     */
    public TestContext widths(long in, long out) {
        return shapes(new long[] {in}, new long[] {out});
    }

    /**
     * @param l the latent size
     * @return a copy with it
     */
    public TestContext latent(int l) {
        return new TestContext(data, input, output, l, type, seed, slots);
    }

    /**
     * @param t the floating-point type
     * @return a copy with it
     */
    public TestContext type(DataType t) {
        return new TestContext(data, input, output, latentDim, t, seed, slots);
    }

    /**
     * @param s the seed of {@link #random()}
     * @return a copy with it
     */
    public TestContext seed(long s) {
        return new TestContext(data, input, output, latentDim, type, s, slots);
    }

    /**
     * @param field  a slot's field
     * @param answer makes the slot's component from the kind asked for
     * @return a copy that answers the slot
     */
    public TestContext slot(String field, Function<Class<?>, Object> answer) {
        Map<String, Function<Class<?>, Object>> m = new HashMap<>(slots);
        m.put(field, answer);
        return new TestContext(data, input, output, latentDim, type, seed, m);
    }

    @Override
    public String path() {
        return "$.test";
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
        return type;
    }

    @Override
    public Random random() {
        if (random == null) {
            random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        }
        return random;
    }

    @Override
    public <T> Optional<T> shared(Class<T> t) {
        return Optional.empty();
    }

    @Override
    public SlotRequest slot(String field) {
        Function<Class<?>, Object> answer = slots.get(field);
        if (answer == null) {
            throw new IllegalArgumentException("this test context answers no slot '" + field + "'");
        }
        return new SlotRequest() {
            @Override
            public SlotRequest input(String what, long... shape) {
                return this;
            }

            @Override
            public SlotRequest output(String what, long... shape) {
                return this;
            }

            @Override
            public SlotRequest latentDim(int l) {
                return this;
            }

            @Override
            public SlotRequest share(Object component) {
                return this;
            }

            @Override
            public <T> T create(Class<T> kind) {
                return kind.cast(answer.apply(kind));
            }
        };
    }
}
