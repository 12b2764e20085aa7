package org.vae4j.runner.pictures;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Seed 003's scatter plot of the posterior means, one dot per image colored by its class, with a
 * legend of class names.
 */
public final class LatentScatter {
    private LatentScatter() {
    }

    private static double[] column(double[][] points, int c) {
        double[] out = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            out[i] = points[i][c];
        }
        return out;
    }

    /**
     * @param title      the chart title
     * @param xAxis      the horizontal axis title (e.g. "z1" or "first principal component")
     * @param yAxis      the vertical axis title
     * @param points     {@code [N][2]} coordinates
     * @param labels     the class of each point, 0-based
     * @param classNames a name per class
     * @return the chart, 900 x 720, a series per class present
     */
    public static XYChart chart(String title, String xAxis, String yAxis, double[][] points, int[] labels,
                                List<String> classNames) {
        if (points.length != labels.length) {
            throw new IllegalArgumentException(points.length + " points but " + labels.length + " labels");
        }
        XYChart chart = new XYChartBuilder().width(900).height(720).title(title).xAxisTitle(xAxis)
                .yAxisTitle(yAxis).build();
        Charts.style(chart);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        // tick labels with as many decimals as the codes' spread needs: with one decimal fixed, XChart
        // searched forever for distinct labels on an axis spanning less than 0.1 (codes that barely
        // differ, as an autoencoder's after one epoch), and training hung at this picture
        Charts.Axis x = Charts.Axis.of(column(points, 0));
        Charts.Axis y = Charts.Axis.of(column(points, 1));
        chart.getStyler().setXAxisDecimalPattern(x.pattern());
        chart.getStyler().setYAxisDecimalPattern(y.pattern());
        if (x.fixed()) {
            chart.getStyler().setXAxisMin(x.min()).setXAxisMax(x.max());
        }
        if (y.fixed()) {
            chart.getStyler().setYAxisMin(y.min()).setYAxisMax(y.max());
        }
        for (int k = 0; k < classNames.size(); k++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < points.length; i++) {
                if (labels[i] == k && Double.isFinite(points[i][0]) && Double.isFinite(points[i][1])) {
                    xs.add(points[i][0]);
                    ys.add(points[i][1]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(classNames.get(k), xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Charts.withAlpha(Charts.CLASS_COLORS[k % Charts.CLASS_COLORS.length], 150));
        }
        return chart;
    }
}
