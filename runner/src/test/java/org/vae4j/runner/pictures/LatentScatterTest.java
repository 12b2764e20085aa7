package org.vae4j.runner.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/**
 * The latent scatter draws codes of any spread. Codes that barely differ (an autoencoder's after
 * one epoch, seen in a sweep of seed 002) once hung training: with one decimal fixed for the
 * ticks, the chart library searched forever for distinct labels on an axis narrower than 0.1.
 */
class LatentScatterTest {
    @TempDir
    Path dir;

    private void drawsInTime(double[][] points) {
        XYChart c = LatentScatter.chart("codes", "x", "y", points, new int[points.length], List.of("one"));
        Path png = dir.resolve("scatter.png");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Charts.write(c, png));
        assertTrue(Files.isRegularFile(png));
    }

    /** The first test codes of that run, projected on their two principal components. */
    @Test
    void codesOfATinySpreadAreDrawn() {
        drawsInTime(new double[][] {{-0.0038171851816287453, -2.7499649452581614E-8},
                {-0.008263881463730804, -1.121004120950629E-9}, {-0.004375518543196408, 1.6983981248025037E-9},
                {-2.9806998711066665E-5, 6.669767133398314E-9}, {0.005942991497912924, 1.4218768962719975E-8}});
    }

    @Test
    void equalAndNonFiniteCodesAreDrawn() {
        drawsInTime(new double[][] {{2.0, 2.0}, {2.0, 2.0}, {Double.NaN, 1.0}});
        drawsInTime(new double[][] {{Double.NaN, Double.NaN}});
    }

    @Test
    void ticksHaveTheDecimalsTheSpreadNeeds() {
        assertEquals("0.0", Charts.Axis.of(new double[] {-3, 4}).pattern());
        assertEquals("0.000", Charts.Axis.of(new double[] {0.5, 0.51}).pattern());
        Charts.Axis flat = Charts.Axis.of(new double[] {7, 7});
        assertTrue(flat.fixed() && flat.min() < 7 && flat.max() > 7, flat.toString());
    }
}
