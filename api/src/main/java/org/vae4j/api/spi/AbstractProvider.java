package org.vae4j.api.spi;

import java.util.List;
import java.util.Objects;

/**
 * A {@link Provider} whose kind, name, configuration class, description and slots are fixed at
 * construction, so an implementation only writes {@link #create}:
 *
 * <pre>{@code
 * @AutoService(Provider.class)
 * public final class MyEncoderProvider extends AbstractProvider<Encoder, MyConfig> {
 *     public MyEncoderProvider() {
 *         super(Encoder.class, "my-encoder", MyConfig.class, "what it builds, in one line");
 *     }
 *
 *     @Override
 *     public Encoder create(MyConfig config, BuildContext context) { ... }
 * }
 * }</pre>
 *
 * @param <T> the component this provider makes
 * @param <C> the configuration class
 */
public abstract class AbstractProvider<T, C> implements Provider<T, C> {
    private final Class<T> kind;
    private final String type;
    private final Class<C> configClass;
    private final String description;
    private final List<Slot> slots;

    /**
     * @param kind        the component interface, e.g. {@code Encoder.class}
     * @param type        the name specs use in {@code "type"}
     * @param configClass the class the JSON configuration is bound to
     * @param description one line for {@code vae4j plugins}
     * @param slots       the components this one is made of
     */
    protected AbstractProvider(Class<T> kind, String type, Class<C> configClass, String description, Slot... slots) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.type = Objects.requireNonNull(type, "type");
        this.configClass = Objects.requireNonNull(configClass, "configClass");
        this.description = description == null ? "" : description;
        this.slots = List.of(slots);
    }

    @Override
    public final Class<T> kind() {
        return kind;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final Class<C> configClass() {
        return configClass;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<Slot> slots() {
        return slots;
    }
}
