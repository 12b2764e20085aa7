package org.vae4j.api.spi;

/**
 * Makes one kind of component ({@link org.vae4j.api.Encoder}, {@link org.vae4j.api.Decoder},
 * {@link org.vae4j.api.Prior}, {@link org.vae4j.api.Likelihood} or
 * {@link org.vae4j.api.BetaSchedule}) from a JSON configuration.
 *
 * <p>Register an implementation with {@code @AutoService(Provider.class)}. Implementations need a
 * public no-argument constructor and must be cheap to construct: every provider on the class path
 * is instantiated when the registry is built.
 *
 * @param <T> the component this provider makes
 * @param <C> the configuration class; Jackson binds the JSON object (minus {@code "type"}) to it,
 *            rejecting unknown fields. Records and classes with public fields both work.
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
     * @param context what the component must fit (data shape, latent size, widths)
     * @return a new component
     * @throws ConfigException when a value is out of range or the component cannot fit the
     *                         context; the exception names the offending field
     */
    T create(C config, BuildContext context) throws ConfigException;

    /** @return one line for {@code vae4j plugins}; defaults to nothing */
    default String description() {
        return "";
    }
}
