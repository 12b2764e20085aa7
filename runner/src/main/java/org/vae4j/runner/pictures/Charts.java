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
}
