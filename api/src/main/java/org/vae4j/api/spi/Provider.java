package org.vae4j.api.spi;

import java.util.List;

/**
 * Makes one kind of component from a JSON configuration: an {@link org.vae4j.api.Encoder},
 * {@link org.vae4j.api.Decoder}, {@link org.vae4j.api.Prior}, {@link org.vae4j.api.Likelihood},
 * {@link org.vae4j.api.BetaSchedule}, a whole model ({@link org.vae4j.api.model.Model}), an
 * optimizer ({@link org.vae4j.api.optim.Optimizer}), a command
 * ({@link org.vae4j.api.command.Command}), or any kind a plugin defines itself (the GAN plugin's
 * discriminator).
 *
 * <p>Register an implementation with {@code @AutoService(Provider.class)}. Implementations need a
 * public no-argument constructor and must be cheap to construct: every provider on the class path
 * is instantiated when the registry is built.
 *
 * @param <T> the component this provider makes
 * @param <C> the configuration class; Jackson binds the JSON object (minus {@code "type"} and the
 *            {@linkplain #slots() slots}) to it, rejecting unknown fields. Records and classes with
 *            public fields both work.
 */
public interface Provider<T, C> {

    /** @return the component interface this provider makes, e.g. {@code Encoder.class} */
    Class<T> kind();

    /**
     * @return the stable name a spec uses in {@code "type"}, unique among the providers of the
     *         same kind: lower case, digits and dashes, e.g. {@code "mlp"}
     */
    String type();

    /** @return the class the JSON configuration is bound to */
    Class<C> configClass();

    /**
     * Builds the component.
     *
     * @param config  the bound configuration; fields absent from the JSON keep the defaults the
     *                configuration class gives them
     * @param context what the component must fit (data, shapes) and how to build its slots
     * @return a new component
     * @throws ConfigException when a value is out of range or the component cannot fit the
     *                         context; the exception names the offending field
     */
    T create(C config, BuildContext context) throws ConfigException;

    /**
     * Checks a bound configuration on its own, before anything is built, so that a spec's
     * out-of-range values are reported together with its other problems ({@code vae4j validate}).
     * Checks that need the data or other components belong in {@link #create}.
     *
     * @param config the bound configuration
     * @throws ConfigException naming the first field out of range
     */
    default void validate(C config) throws ConfigException {
    }

    /** @return the components this one is made of, filled from its JSON object; none by default */
    default List<Slot> slots() {
        return List.of();
    }

    /** @return one line for {@code vae4j plugins}; defaults to nothing */
    default String description() {
        return "";
    }

    /**
     * @return the provider's version, shown by {@code vae4j plugins} and recorded in a run's
     *         provenance; by default the {@code Implementation-Version} of its jar's manifest
     */
    default String version() {
        String v = getClass().getPackage() == null ? null : getClass().getPackage().getImplementationVersion();
        return v == null ? "unversioned" : v;
    }
}
