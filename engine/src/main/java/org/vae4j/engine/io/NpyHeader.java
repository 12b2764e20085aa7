package org.vae4j.engine.io;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The dictionary in an NPY preamble, e.g. {@code {'descr': '<f4', 'fortran_order': False,
 * 'shape': (2, 3), }}, which NumPy writes as a Python literal.
 *
 * <p>{@link #parse} accepts exactly the subset of Python literal syntax such a dictionary uses
 * (quoted strings, {@code True}/{@code False}, tuples of non-negative integers, optional trailing
 * commas, Python 2's {@code L} suffix) and requires exactly the three keys, as {@code numpy.load}
 * does. The shape array is not copied.
 *
 * @param descr        the NumPy type string, e.g. {@code <f4}
 * @param fortranOrder whether the data is in column-major order
 * @param shape        the dimensions; empty for a scalar
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape) {

    /** The dictionary as NumPy writes it: keys sorted, each entry followed by {@code ", "}. */
    String toPythonLiteral() {
        StringBuilder s = new StringBuilder("{'descr': '").append(descr)
                .append("', 'fortran_order': ").append(fortranOrder ? "True" : "False")
                .append(", 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        // Python writes a one-element tuple as (5,)
        return s.append(shape.length == 1 ? ",), }" : "), }").toString();
    }

    /**
     * Parses the dictionary; trailing whitespace (the padding) is allowed.
     *
     * @throws ParseException with the offending character's index in {@code text}
     */
    static NpyHeader parse(String text) throws ParseException {
        return new Parser(text).header();
    }

    /** A recursive-descent parser over the header text. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        NpyHeader header() throws ParseException {
            String descr = null;
            Boolean fortranOrder = null;
            long[] shape = null;
            skipSpace();
            expect('{');
            skipSpace();
            while (peek() != '}') {
                int keyAt = pos;
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                switch (key) {
                    case "descr" -> {
                        requireFirst(descr, key, keyAt);
                        descr = string();
                    }
                    case "fortran_order" -> {
                        requireFirst(fortranOrder, key, keyAt);
                        fortranOrder = bool();
                    }
                    case "shape" -> {
                        requireFirst(shape, key, keyAt);
                        shape = tuple();
                    }
                    default -> throw new ParseException("unexpected key '" + key + "'", keyAt);
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
            pos++;
            skipSpace();
            if (pos < text.length()) {
                throw error("unexpected text after '}'");
            }
            if (descr == null || fortranOrder == null || shape == null) {
                String missing = descr == null ? "descr" : fortranOrder == null ? "fortran_order" : "shape";
                throw new ParseException("missing key '" + missing + "'", 0);
            }
            return new NpyHeader(descr, fortranOrder, shape);
        }

        private static void requireFirst(Object seen, String key, int at) throws ParseException {
            if (seen != null) {
                throw new ParseException("duplicate key '" + key + "'", at);
            }
        }

        private String string() throws ParseException {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("expected a quoted string");
            }
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String value = text.substring(pos + 1, end);
            if (value.indexOf('\\') >= 0) {
                // no NPY key or type string needs escapes, so there is no need to decode them
                throw error("escape sequences are not supported");
            }
            pos = end + 1;
            return value;
        }

        private boolean bool() throws ParseException {
            if (text.startsWith("True", pos)) {
                pos += 4;
                return true;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            throw error("expected True or False");
        }

        private long[] tuple() throws ParseException {
            expect('(');
            skipSpace();
            List<Long> dims = new ArrayList<>();
            boolean trailingComma = false;
            while (peek() != ')') {
                dims.add(dimension());
                skipSpace();
                trailingComma = peek() == ',';
                if (trailingComma) {
                    pos++;
                    skipSpace();
                } else if (peek() != ')') {
                    throw error("expected ',' or ')'");
                }
            }
            if (dims.size() == 1 && !trailingComma) {
                // (5) is the integer 5 in Python, not a shape
                throw error("a one-element shape needs a trailing comma");
            }
            pos++;
            return dims.stream().mapToLong(Long::longValue).toArray();
        }

        private long dimension() throws ParseException {
            int start = pos;
            while (peek() >= '0' && peek() <= '9') {
                pos++;
            }
            if (pos == start) {
                throw error("expected a non-negative integer");
            }
            long value;
            try {
                value = Long.parseLong(text.substring(start, pos));
            } catch (NumberFormatException e) {
                throw new ParseException("dimension too large", start);
            }
            if (peek() == 'L') {
                pos++;
            }
            return value;
        }

        private void expect(char c) throws ParseException {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            // NUL never occurs in a header, so it can stand for the end of the text
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skipSpace() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private ParseException error(String what) {
            String found = pos < text.length() ? "'" + text.charAt(pos) + "'" : "end of header";
            return new ParseException(what + ", found " + found, pos);
        }
    }
}
