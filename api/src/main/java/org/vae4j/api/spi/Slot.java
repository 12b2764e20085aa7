package org.vae4j.api.spi;

import java.util.Objects;

/**
 * A component a provider is made of, filled from its own JSON object: a VAE family has slots
 * {@code encoder} (an {@link org.vae4j.api.Encoder}), {@code prior} (a {@link org.vae4j.api.Prior},
 * default {@code standard-normal}) and so on; an ELBO objective has a slot {@code beta}. The spec
 * names a registered provider in the slot's {@code "type"}; the runner binds the slot's
 * configuration before anything is built (so every problem of a spec is found at once), and the
 * provider builds the slot through {@link BuildContext#slot}.
 *
 * @param field       the JSON field, relative to the provider's object, or to the spec's root when
 *                    {@code root} is set (a model family's {@code objective} lives at
 *                    {@code $.objective})
 * @param kind        the component interface the slot takes
 * @param defaultType the type used when the field is absent; null if the field is required
 * @param root        whether {@code field} is at the spec's root
 */
public record Slot(String field, Class<?> kind, String defaultType, boolean root) {
    /**
     * @param field       the JSON field
     * @param kind        the component interface
     * @param defaultType the default type or null
     * @param root        whether the field is at the spec's root
     */
    public Slot {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(kind, "kind");
        if (!field.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("a slot's field is one JSON name, got '" + field + "'");
        }
    }

    /**
     * @param field the JSON field
     * @param kind  the component interface
     * @return a slot the spec must fill
     */
    public static Slot required(String field, Class<?> kind) {
        return new Slot(field, kind, null, false);
    }

    /**
     * @param field       the JSON field
     * @param kind        the component interface
     * @param defaultType the provider used when the field is absent
     * @return a slot with a default
     */
    public static Slot optional(String field, Class<?> kind, String defaultType) {
        return new Slot(field, kind, Objects.requireNonNull(defaultType, "defaultType"), false);
    }

    /** @return this slot with its field at the spec's root */
    public Slot atRoot() {
        return new Slot(field, kind, defaultType, true);
    }
}
