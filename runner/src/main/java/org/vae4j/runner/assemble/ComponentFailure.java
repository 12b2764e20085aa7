package org.vae4j.runner.assemble;

/** A component of a spec could not be built; the assembler reports it at its JSON path. */
final class ComponentFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String path;

    ComponentFailure(String path, String message) {
        super(message);
        this.path = path;
    }

    String path() {
        return path;
    }
}
