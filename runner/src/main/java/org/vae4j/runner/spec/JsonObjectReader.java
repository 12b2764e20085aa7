package org.vae4j.runner.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one JSON object of a spec, checking types and ranges, recording each problem
 * with its JSON path, and, at {@link #finish()}, reporting fields nobody asked for (typos).
 * Every value read, defaults included, is also written to {@link #resolved()}, which becomes the
 * run directory's {@code spec.json}.
 */
final class JsonObjectReader {
    private final ObjectNode node;
    private final String path;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();
    private final ObjectNode resolved = JsonNodeFactory.instance.objectNode();

    JsonObjectReader(JsonNode node, String path, Problems problems) {
        this.path = path;
        this.problems = problems;
        if (node == null || node.isMissingNode() || node.isNull()) {
            this.node = JsonNodeFactory.instance.objectNode();
        } else if (!node.isObject()) {
            problems.add(path, "must be a JSON object, got " + kind(node));
            this.node = JsonNodeFactory.instance.objectNode();
        } else {
            this.node = (ObjectNode) node;
        }
    }

    static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NULL -> "null";
            default -> n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    String path() {
        return path;
    }

    String path(String field) {
        return path + "." + field;
    }

    ObjectNode resolved() {
        return resolved;
    }

    Problems problems() {
        return problems;
    }

    /** Lists an optional field among the known ones before it is read (or when it is absent). */
    void allow(String field) {
        known.add(field);
    }

    boolean has(String field) {
        JsonNode n = node.get(field);
        return n != null && !n.isNull();
    }

    JsonNode raw(String field) {
        known.add(field);
        return node.get(field);
    }

    String string(String field, String def, List<String> allowed) {
        known.add(field);
        JsonNode n = node.get(field);
        String v = def;
        if (n == null || n.isNull()) {
            if (def == null) {
                problems.add(path(field), "is required" + (allowed == null ? "" : "; one of: " + String.join(", ", allowed)));
                return null;
            }
        } else if (!n.isTextual()) {
            problems.add(path(field), "must be a string, got " + describe(n));
            return def;
        } else {
            v = n.asText();
        }
        if (allowed != null && !allowed.contains(v)) {
            problems.add(path(field), "unknown value '" + v + "'; one of: " + String.join(", ", allowed));
            return def;
        }
        resolved.put(field, v);
        return v;
    }

    /** An optional string with no default: null when absent. */
    String optionalString(String field) {
        known.add(field);
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            resolved.putNull(field);
            return null;
        }
        if (!n.isTextual()) {
            problems.add(path(field), "must be a string, got " + describe(n));
            return null;
        }
        resolved.put(field, n.asText());
        return n.asText();
    }

    long integer(String field, Long def, long min, long max) {
        known.add(field);
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            if (def == null) {
                problems.add(path(field), "is required: a whole number from " + min + " to " + max);
                return min;
            }
            resolved.put(field, def);
            return def;
        }
        if (!n.isIntegralNumber() && !(n.isNumber() && n.asDouble() == Math.rint(n.asDouble()))) {
            problems.add(path(field), "must be a whole number, got " + describe(n));
            return def == null ? min : def;
        }
        long v = n.asLong();
        if (!n.canConvertToLong() || v < min || v > max) {
            problems.add(path(field), "must be from " + min + " to " + max + ", got " + n.asText());
            return def == null ? min : def;
        }
        resolved.put(field, v);
        return v;
    }

    double number(String field, Double def, double min, double max, boolean minExclusive) {
        known.add(field);
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            if (def == null) {
                problems.add(path(field), "is required: a number " + range(min, max, minExclusive));
                return min;
            }
            resolved.put(field, def);
            return def;
        }
        if (!n.isNumber()) {
            problems.add(path(field), "must be a number, got " + describe(n));
            return def == null ? min : def;
        }
        double v = n.asDouble();
        if (!Double.isFinite(v) || v < min || v > max || (minExclusive && v == min)) {
            problems.add(path(field), "must be a number " + range(min, max, minExclusive) + ", got " + n.asText());
            return def == null ? min : def;
        }
        resolved.put(field, v);
        return v;
    }

    private static String range(double min, double max, boolean minExclusive) {
        String lo = (minExclusive ? "> " : ">= ") + trim(min);
        return Double.isInfinite(max) ? lo : lo + " and <= " + trim(max);
    }

    private static String trim(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    boolean bool(String field, boolean def) {
        known.add(field);
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            resolved.put(field, def);
            return def;
        }
        if (!n.isBoolean()) {
            problems.add(path(field), "must be true or false, got " + describe(n));
            return def;
        }
        resolved.put(field, n.asBoolean());
        return n.asBoolean();
    }

    JsonObjectReader object(String field) {
        known.add(field);
        return new JsonObjectReader(node.get(field), path(field), problems);
    }

    /** @return e.g. {@code the string "32"}, {@code the number 32.5}, {@code the boolean true}, {@code an array} */
    static String describe(JsonNode n) {
        if (n.isTextual()) {
            return "the string \"" + n.asText() + "\"";
        }
        if (n.isNumber() || n.isBoolean()) {
            return "the " + n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + n.asText();
        }
        return kind(n);
    }

    /** Reports every field of the object that no reader asked for. */
    void finish() {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!known.contains(f)) {
                unknown.add(f);
            }
        }
        for (String f : unknown) {
            problems.add(path(f), "unknown field; known fields here: " + String.join(", ", known));
        }
    }
}
