package org.vae4j.runner.pictures;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.vae4j.engine.io.AtomicFiles;
import org.vae4j.runner.pictures.ImageGrid;

/** The look shared by vae4j's plots, and writing them as PNG or SVG. */
public final class Charts {
    /**
     * Ten colors that stay apart for the ten classes (matplotlib's "tab10", after Tableau), each
     * slightly transparent so that dense clusters show their density.
     */
    public static final Color[] CLASS_COLORS = {
        new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e), new Color(0x2c, 0xa0, 0x2c),
        new Color(0xd6, 0x27, 0x28), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b),
        new Color(0xe3, 0x77, 0xc2), new Color(0x7f, 0x7f, 0x7f), new Color(0xbc, 0xbd, 0x22),
        new Color(0x17, 0xbe, 0xcf)};

    private Charts() {
    }

    /**
     * White background, grid lines, readable fonts, anti-aliasing.
     *
     * @param chart the chart to style
     */
    static void style(XYChart chart) {
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.DARK_GRAY);
        s.setPlotGridLinesColor(new Color(0xdd, 0xdd, 0xdd));
        s.setLegendBorderColor(Color.GRAY);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setAntiAlias(true);
        s.setLocale(Locale.ROOT);
    }

    /**
     * @param chart the chart
     * @param file  the PNG to write (atomically)
     * @throws IOException if it cannot be written
     */
    public static void writePng(XYChart chart, Path file) throws IOException {
        BufferedImage img = BitmapEncoder.getBufferedImage(chart);
        ImageGrid.writePng(img, file);
    }

    /**
     * @param chart the chart
     * @param file  the SVG to write (atomically)
     * @throws IOException if it cannot be written
     */
    public static void writeSvg(XYChart chart, Path file) throws IOException {
        AtomicFiles.write(file, out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
    }

    /**
     * Writes SVG if the file name ends in {@code .svg}, PNG otherwise.
     *
     * @param chart the chart
     * @param file  the file to write
     * @throws IOException if it cannot be written
     */
    public static void write(XYChart chart, Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            writeSvg(chart, file);
        } else {
            writePng(chart, file);
        }
    }

    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /**
     * An axis's tick pattern, and its range when the values leave none: with a pattern of too few
     * decimals for the values' spread, XChart searches forever for distinct tick labels (training
     * hung on the latent scatter of codes spanning less than 0.1).
     *
     * @param min     the axis minimum (when fixed)
     * @param max     the axis maximum (when fixed)
     * @param fixed   whether the range must be set (the values are all equal, or none is finite)
     * @param pattern the tick labels' decimal pattern
     */
    public record Axis(double min, double max, boolean fixed, String pattern) {
        /**
         * @param values the values on the axis (non-finite ones are ignored)
         * @return the axis they need
         */
        public static Axis of(double[] values) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (lo > hi) {
                return new Axis(-1, 1, true, "0.0");
            }
            double scale = Math.max(1e-300, Math.max(Math.abs(lo), Math.abs(hi)));
            boolean flat = hi - lo <= 1e-9 * scale;
            if (flat) {
                double half = Math.max(1e-3, scale * 1e-3);
                lo -= half;
                hi += half;
            }
            int decimals = (int) Math.max(1, Math.min(12, Math.ceil(-Math.log10(hi - lo)) + 1));
            return new Axis(lo, hi, flat, "0." + "0".repeat(decimals));
        }
    }

    /**
     * Sets the y axis's tick pattern (and range, if flat) for the values of the chart's series.
     *
     * @param chart a chart with its series
     */
    public static void fitYAxis(XYChart chart) {
        java.util.List<Double> all = new java.util.ArrayList<>();
        chart.getSeriesMap().values().forEach(s -> {
            for (double v : s.getYData()) {
                all.add(v);
            }
        });
        Axis y = Axis.of(all.stream().mapToDouble(Double::doubleValue).toArray());
        chart.getStyler().setYAxisDecimalPattern(y.pattern());
        if (y.fixed()) {
            chart.getStyler().setYAxisMin(y.min()).setYAxisMax(y.max());
        }
    }
}
