package org.vae4j.runner.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec that cannot be run, with every problem found, each naming its JSON path. */
public class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<SpecProblem> problems;

    /**
     * @param source   the spec file, for the message
     * @param problems what is wrong, at least one
     */
    public SpecException(String source, List<SpecProblem> problems) {
        super(format(source, problems));
        this.problems = List.copyOf(problems);
    }

    private static String format(String source, List<SpecProblem> problems) {
        String head = source + ": " + (problems.size() == 1 ? "1 problem" : problems.size() + " problems");
        return head + "\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }

    /** @return the problems found */
    public List<SpecProblem> problems() {
        return problems;
    }
}
