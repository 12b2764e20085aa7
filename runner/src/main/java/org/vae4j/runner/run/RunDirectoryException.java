package org.vae4j.runner.run;

/** A run directory that cannot be used as asked (exists, is not a run, has no checkpoint...). */
public class RunDirectoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and how to proceed */
    public RunDirectoryException(String message) {
        super(message);
    }
}
