package org.vae4j.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * {@code sweep.csv}: one row per trial, its swept values, status, training time, final figures
 * and error, for a spreadsheet or pandas.
 */
final class SweepTable {
    private SweepTable() {
    }

    /** @return the figure names of all results, sorted */
    static List<String> figures(List<TrialResult> results) {
        TreeSet<String> names = new TreeSet<>();
        results.forEach(r -> names.addAll(r.figures().keySet()));
        return new ArrayList<>(names);
    }

    static String csv(List<String> paths, List<TrialResult> results) {
        List<String> figures = figures(results);
        StringBuilder b = new StringBuilder("trial,status");
        paths.forEach(p -> b.append(',').append(quote(p)));
        b.append(",seconds");
        figures.forEach(f -> b.append(',').append(f));
        b.append(",error\n");
        for (TrialResult r : results) {
            b.append(r.trial().name()).append(',').append(r.status());
            for (String p : paths) {
                b.append(',').append(quote(r.trial().values().get(p)));
            }
            b.append(',').append(String.format(Locale.ROOT, "%.1f", r.seconds()));
            for (String f : figures) {
                Double v = r.figures().get(f);
                b.append(',').append(v == null ? "" : number(v));
            }
            b.append(',').append(quote(r.error())).append('\n');
        }
        return b.toString();
    }

    /** @return a whole number as one, others to 6 significant digits */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** A CSV field: quoted when it holds a comma, a quote or a line break. */
    static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
