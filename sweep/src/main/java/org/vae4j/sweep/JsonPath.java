package org.vae4j.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path into a JSON document in the notation of JSONPath's simple form: {@code $.model.latentDim},
 * {@code $.model.encoder.hidden[0]}. Only names and indices: a sweep sets values, it does not query.
 */
public final class JsonPath {
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_-]*)|\\[(\\d+)]");
    private final String text;
    private final List<Object> steps;

    private JsonPath(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps;
    }

    /**
     * @param text e.g. {@code $.objective.beta.value}
     * @return the path
     * @throws IllegalArgumentException if it is not of that form
     */
    public static JsonPath parse(String text) {
        if (text == null || !text.startsWith("$") || text.length() < 2) {
            throw new IllegalArgumentException("'" + text + "' is no JSON path: write $.field.field or $.field[0]");
        }
        List<Object> steps = new ArrayList<>();
        Matcher m = STEP.matcher(text);
        int at = 1;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("'" + text + "' is no JSON path: cannot read it from \""
                        + text.substring(at) + "\"; write $.field.field or $.field[0]");
            }
            steps.add(m.group(1) != null ? m.group(1) : (Object) Integer.valueOf(m.group(2)));
            at = m.end();
        }
        return new JsonPath(text, List.copyOf(steps));
    }

    /**
     * @param root a document
     * @return the node the path names, or null if it names nothing there
     */
    public JsonNode get(JsonNode root) {
        JsonNode n = root;
        for (Object s : steps) {
            n = s instanceof String f ? (n != null && n.isObject() ? n.get(f) : null)
                    : (n != null && n.isArray() ? n.get((Integer) s) : null);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    /**
     * Sets the value the path names.
     *
     * @param root      a document
     * @param value     the new value
     * @param mayCreate whether a missing last field may be added to an object that exists
     * @throws IllegalArgumentException naming the path if it names nothing in the document
     */
    public void set(JsonNode root, JsonNode value, boolean mayCreate) {
        JsonNode parent = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            Object s = steps.get(i);
            parent = s instanceof String f ? parent.get(f) : parent.get((Integer) s);
            if (parent == null || !(parent.isObject() || parent.isArray())) {
                throw new IllegalArgumentException(text + " names nothing in the base spec: it has no "
                        + prefix(i + 1));
            }
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof String f) {
            if (!(parent instanceof ObjectNode o)) {
                throw new IllegalArgumentException(text + " names nothing in the base spec: " + prefix(steps.size() - 1)
                        + " is no object");
            }
            if (!o.has(f) && !mayCreate) {
                throw new IllegalArgumentException(text + " names nothing in the base spec: " + prefix(steps.size() - 1)
                        + " has no field '" + f + "'");
            }
            o.set(f, value.deepCopy());
        } else {
            int index = (Integer) last;
            if (!(parent instanceof ArrayNode a) || index >= a.size()) {
                throw new IllegalArgumentException(text + " names nothing in the base spec: " + prefix(steps.size() - 1)
                        + " has no element " + index);
            }
            a.set(index, value.deepCopy());
        }
    }

    private String prefix(int n) {
        StringBuilder b = new StringBuilder("$");
        for (int i = 0; i < n; i++) {
            Object s = steps.get(i);
            b.append(s instanceof String ? "." + s : "[" + s + "]");
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
