package org.vae4j.runner.plugins;

/**
 * A run cannot be reopened: it used providers that are not registered and whose recorded jars are
 * gone or changed. The message names each and says how to pass it; the command line exits with 6.
 */
public final class MissingPluginsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is missing, from where, and what to do */
    public MissingPluginsException(String message) {
        super(message);
    }
}
