package org.vae4j.api.spi;

/**
 * A configuration value that is out of range or does not fit, naming the field at fault. The
 * runner prefixes the field with the JSON path of the component, so a user reads e.g.
 * {@code $.model.encoder.hidden[1]: must be >= 1, got 0}.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /**
     * @param field   the field relative to the component's JSON object, such as {@code "hidden[1]"};
     *                empty for the object as a whole; a path from the spec's root, such as
     *                {@code "$.objective"}, for a {@linkplain Slot#atRoot() root slot}
     * @param message what is wrong and what was expected
     */
    public ConfigException(String field, String message) {
        super(message);
        this.field = field == null ? "" : field;
    }

    /** @return the field at fault, relative to the component's JSON object; empty for the whole */
    public String field() {
        return field;
    }

    /**
     * Checks a condition on a configuration value.
     *
     * @param ok      the condition
     * @param field   the field it is about
     * @param message what is wrong when it fails
     * @throws ConfigException if {@code ok} is false
     */
    public static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new ConfigException(field, message);
        }
    }
}
