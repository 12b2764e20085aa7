package org.vae4j.runner.plugins;

/** Two providers claim the same kind and type name: which one a spec means would be a guess. */
public class DuplicateProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param kind   e.g. encoder
     * @param type   the shared name
     * @param first  where the first came from
     * @param second where the second came from
     */
    public DuplicateProviderException(String kind, String type, String first, String second) {
        super("two " + kind + " providers are named '" + type + "': one in " + first + ", one in " + second
                + "; remove one of the jars");
    }
}
