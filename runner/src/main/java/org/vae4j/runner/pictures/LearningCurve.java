package org.vae4j.runner.pictures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import org.knowm.xchart.XYChart;
import org.vae4j.runner.metrics.MetricsCsv;
import org.vae4j.runner.metrics.MetricsTable;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Seed 001's learning curve: figures per epoch of the training, validation and test splits (lines
 * with a marker per epoch; a VAE's negative ELBO, a GAN's two losses), and behind them,
 * optionally, one faint dot per test image for its own negative ELBO after that epoch, so the
 * spread around the means shows. The dots span hundreds of nats where the means move by a few, so
 * a run draws the curve both ways.
 */
public final class LearningCurve {
    /** Line colors of the train, validation and test series. */
    static final Color TRAIN = new Color(0x1f, 0x77, 0xb4);
    static final Color VALIDATION = new Color(0xff, 0x7f, 0x0e);
    static final Color TEST = new Color(0x2c, 0xa0, 0x2c);
    /** The name of the dots' series, for tests. */
    public static final String POINTS_SERIES = "single test images";

    private LearningCurve() {
    }

    /**
     * @param title      the chart title (the run's name)
     * @param yTitle     the y axis's title (what the figures are)
     * @param metrics    the run's metrics.csv
     * @param figures    the figures to draw, by name without split (e.g. {@code neg_elbo})
     * @param perExample per-image negative ELBO by epoch (counted from 1); empty for the means alone
     * @return the chart, 900 x 560 (620 with dots, whose legend goes right of the plot)
     */
    public static XYChart chart(String title, String yTitle, MetricsTable metrics, List<String> figures,
                                SortedMap<Integer, double[]> perExample) {
        XYChart chart = new XYChartBuilder().width(900).height(perExample.isEmpty() ? 560 : 620).title(title)
                .xAxisTitle("epoch").yAxisTitle(yTitle).build();
        Charts.style(chart);
        if (perExample.isEmpty()) {
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        } else {
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        }
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setXAxisDecimalPattern("0");
        int lastEpoch = 1;
        for (int r = 0; r < metrics.rows().size(); r++) {
            lastEpoch = Math.max(lastEpoch, (int) metrics.number(r, "epoch").orElse(1));
        }
        if (!perExample.isEmpty()) {
            lastEpoch = Math.max(lastEpoch, perExample.lastKey());
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (Map.Entry<Integer, double[]> e : perExample.entrySet()) {
                double[] v = e.getValue();
                for (int i = 0; i < v.length; i++) {
                    // a fixed horizontal spread (not random) so the dots of one epoch do not pile up
                    xs.add(e.getKey() + 0.3 * ((i * 0.618034) % 1.0 - 0.5));
                    ys.add(v[i]);
                }
            }
            XYSeries dots = chart.addSeries(POINTS_SERIES + " (" + perExample.get(perExample.lastKey()).length + ")",
                    xs, ys);
            dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            dots.setMarker(SeriesMarkers.CIRCLE);
            dots.setMarkerColor(new Color(0x40, 0x40, 0x40, 40));
        }
        if (figures.size() == 1) {
            // one figure: a color per split
            String name = figures.get(0);
            line(chart, metrics, MetricsCsv.column("train", name), "train (mean over the epoch)", TRAIN, null);
            line(chart, metrics, MetricsCsv.column("validation", name), "validation", VALIDATION, null);
            line(chart, metrics, MetricsCsv.column("test", name), "test", TEST, null);
        } else {
            // several (a GAN's two losses): a color per figure, a line style per split
            for (int f = 0; f < figures.size(); f++) {
                String name = figures.get(f);
                Color color = Charts.CLASS_COLORS[f % Charts.CLASS_COLORS.length];
                line(chart, metrics, MetricsCsv.column("train", name), name + ", train (mean over the epoch)", color,
                        null);
                line(chart, metrics, MetricsCsv.column("validation", name), name + ", validation", color,
                        new float[] {8f, 4f});
                line(chart, metrics, MetricsCsv.column("test", name), name + ", test", color, new float[] {2f, 4f});
            }
        }
        Charts.fitYAxis(chart);
        chart.getStyler().setXAxisMin(0.5);
        chart.getStyler().setXAxisMax(lastEpoch + 0.5);
        chart.getStyler().setXAxisMaxLabelCount(Math.min(lastEpoch, 20));
        return chart;
    }

    private static void line(XYChart chart, MetricsTable m, String column, String name, Color color, float[] dash) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int r = 0; r < m.rows().size(); r++) {
            OptionalDouble epoch = m.number(r, "epoch");
            OptionalDouble v = m.number(r, column);
            if (epoch.isPresent() && v.isPresent()) {
                xs.add(epoch.getAsDouble());
                ys.add(v.getAsDouble());
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setLineStyle(dash == null ? new BasicStroke(2.5f)
                : new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
    }
}
