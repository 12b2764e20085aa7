package org.vae4j.runner.spec;

import java.util.ArrayList;
import java.util.List;

/** Collects spec problems so one run of {@code vae4j validate} reports all of them. */
public final class Problems {
    private final List<SpecProblem> list = new ArrayList<>();

    /**
     * @param path    the JSON path
     * @param message what is wrong
     */
    public void add(String path, String message) {
        list.add(new SpecProblem(path, message));
    }

    /** @return whether nothing was found */
    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** @return the problems so far */
    public List<SpecProblem> list() {
        return List.copyOf(list);
    }

    /**
     * @param source the spec file, for the message
     * @throws SpecException if any problem was found
     */
    public void throwIfAny(String source) {
        if (!list.isEmpty()) {
            throw new SpecException(source, list);
        }
    }
}
