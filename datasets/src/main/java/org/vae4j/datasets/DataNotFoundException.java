package org.vae4j.datasets;

import java.util.List;

/**
 * A data set that was found nowhere. The message lists every place tried, in order, with why it
 * did not do, and ends with the command or download that would fix it.
 */
public class DataNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The data set's name. */
    private final String dataset;
    /** Each place tried and why it failed. */
    private final List<String> attempts;
    /** What the user can do about it. */
    private final String fix;

    /**
     * @param dataset  the data set's name
     * @param attempts each place tried and why it failed, in order
     * @param fix      what the user can do about it
     */
    public DataNotFoundException(String dataset, List<String> attempts, String fix) {
        super(message(dataset, attempts, fix));
        this.dataset = dataset;
        this.attempts = List.copyOf(attempts);
        this.fix = fix;
    }

    /** @return the data set's name */
    public String dataset() {
        return dataset;
    }

    /** @return each place tried and why it failed, in order */
    public List<String> attempts() {
        return attempts;
    }

    /** @return what the user can do about it */
    public String fix() {
        return fix;
    }

    private static String message(String dataset, List<String> attempts, String fix) {
        StringBuilder s = new StringBuilder("data set '").append(dataset)
                .append("' not found. Tried, in order:");
        for (int i = 0; i < attempts.size(); i++) {
            s.append("\n  ").append(i + 1).append(". ").append(attempts.get(i));
        }
        return s.append("\nFix: ").append(fix).toString();
    }
}
