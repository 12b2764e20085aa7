package org.vae4j.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code sweep.html}: the trials in a table sortable by any column (click its header), their
 * learning curves overlaid in one chart ({@code sweep-curves.png}), and each trial's newest sample
 * grid and its reconstructions side by side. Self-contained but for those pictures, which it links
 * in the trials' own folders.
 */
final class SweepReport {
    static final String FILE = "sweep.html";
    static final String CURVES = "sweep-curves.png";

    private SweepReport() {
    }

    static void write(Path dir, String title, List<String> paths, List<TrialResult> results) throws IOException {
        String curve = writeCurves(dir, title, results);
        List<String> figures = SweepTable.figures(results);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                        + "th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}th{cursor:pointer;"
                        + "background:#f4f4f4}td.t{text-align:left;vertical-align:top}.failed{color:#b00}"
                        + "img{image-rendering:pixelated;margin:0 8px 8px 0;vertical-align:top}img.samples{width:280px}"
                        + "img.reconstructions{width:560px}</style></head><body>\n<h1>")
                .append(esc(title)).append("</h1>\n<p>").append(results.size())
                .append(" trials; click a column's header to sort by it. sweep.csv holds the same table.</p>\n");
        h.append("<table id=\"trials\"><thead><tr><th>trial</th><th>status</th>");
        paths.forEach(p -> h.append("<th>").append(esc(p)).append("</th>"));
        h.append("<th>seconds</th>");
        figures.forEach(f -> h.append("<th>").append(esc(f)).append("</th>"));
        h.append("<th>error</th></tr></thead>\n<tbody>\n");
        for (TrialResult r : results) {
            h.append("<tr class=\"").append(r.status()).append("\"><td class=\"t\"><a href=\"").append(r.trial().name())
                    .append("/report.html\">").append(r.trial().name()).append("</a></td><td class=\"t\">")
                    .append(r.status()).append("</td>");
            paths.forEach(p -> h.append("<td>").append(esc(r.trial().values().get(p))).append("</td>"));
            h.append("<td>").append(String.format(Locale.ROOT, "%.1f", r.seconds())).append("</td>");
            for (String f : figures) {
                Double v = r.figures().get(f);
                h.append("<td>").append(v == null ? "" : SweepTable.number(v)).append("</td>");
            }
            h.append("<td class=\"t\">").append(esc(r.error())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        if (curve != null) {
            h.append("<h2>Learning curves</h2>\n<img id=\"curves\" style=\"max-width:900px\" src=\"").append(CURVES)
                    .append("\" alt=\"").append(esc(curve)).append(" of every trial\">\n");
        }
        h.append("<h2>Samples and reconstructions</h2>\n<table id=\"pictures\"><tbody>\n");
        for (TrialResult r : results) {
            Path run = dir.resolve(r.trial().name());
            String samples = newestSamples(run.resolve("images"));
            h.append("<tr><td class=\"t\">").append(r.trial().name()).append("<br>").append(esc(r.trial().values()
                    .toString())).append("</td><td class=\"t\">");
            if (samples != null) {
                h.append("<img class=\"samples\" src=\"").append(r.trial().name()).append("/images/").append(samples)
                        .append("\" alt=\"samples of ").append(r.trial().name()).append("\">");
            }
            if (Files.isRegularFile(run.resolve("images/reconstructions.png"))) {
                h.append("<img class=\"reconstructions\" src=\"").append(r.trial().name())
                        .append("/images/reconstructions.png\" alt=\"reconstructions of ").append(r.trial().name())
                        .append("\">");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n").append(SORT_SCRIPT).append("</body></html>\n");
        AtomicWrite.text(dir.resolve(FILE), h.toString());
    }

    /** Sorts the trials' table by a clicked column, numbers as numbers, a second click reversing. */
    private static final String SORT_SCRIPT = """
            <script>
            document.querySelectorAll('#trials th').forEach((th, col) => th.addEventListener('click', () => {
              const body = document.querySelector('#trials tbody');
              const rows = Array.from(body.rows);
              const up = th.dataset.order !== 'up';
              document.querySelectorAll('#trials th').forEach(h => delete h.dataset.order);
              th.dataset.order = up ? 'up' : 'down';
              const key = r => { const t = r.cells[col].textContent.trim(); const n = parseFloat(t);
                                 return t !== '' && !isNaN(n) && /^[-+0-9.eE]+$/.test(t) ? n : t; };
              rows.sort((a, b) => { const x = key(a), y = key(b);
                const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
                return up ? c : -c; });
              rows.forEach(r => body.appendChild(r));
            }));
            </script>
            """;

    private static String newestSamples(Path images) throws IOException {
        if (!Files.isDirectory(images)) {
            return null;
        }
        try (Stream<Path> s = Files.list(images)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("samples-epoch-\\d+\\.png")).sorted()
                    .reduce((a, b) -> b).orElse(null);
        }
    }

    /**
     * @return the figure drawn (the first validation figure of metrics.csv, else the first training
     *         one), or null if no trial has a metrics.csv
     */
    private static String writeCurves(Path dir, String title, List<TrialResult> results) throws IOException {
        String column = null;
        XYChart chart = null;
        for (TrialResult r : results) {
            Path csv = dir.resolve(r.trial().name()).resolve("metrics.csv");
            if (!Files.isRegularFile(csv)) {
                continue;
            }
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            if (lines.size() < 2) {
                continue;
            }
            List<String> header = List.of(lines.get(0).split(",", -1));
            if (column == null) {
                column = header.stream().filter(c -> c.startsWith("validation_")).findFirst()
                        .orElse(header.stream().filter(c -> c.startsWith("train_")).findFirst().orElse(null));
                if (column == null) {
                    return null;
                }
                chart = new XYChartBuilder().width(900).height(500).title(title + ": " + column)
                        .xAxisTitle("epoch").yAxisTitle(column).build();
                chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
            }
            int col = header.indexOf(column);
            if (col < 0) {
                continue;
            }
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (String l : lines.subList(1, lines.size())) {
                String[] v = l.split(",", -1);
                if (col < v.length && !v[col].isEmpty()) {
                    x.add(Double.parseDouble(v[0]));
                    y.add(Double.parseDouble(v[col]));
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(r.trial().name() + " " + r.trial().values().values(), x, y)
                        .setMarker(SeriesMarkers.CIRCLE);
            }
        }
        if (chart == null || chart.getSeriesMap().isEmpty()) {
            return null;
        }
        Path tmp = dir.resolve(".sweep-curves.tmp.png");
        BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
        Files.move(tmp, dir.resolve(CURVES), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return column;
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
