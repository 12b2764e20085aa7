package org.vae4j.plugins.deconvnet.visualize;

import java.awt.image.BufferedImage;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.command.CommandContext;

/**
 * Pictures side by side, as seed 004's {@code data_to_image}: every panel is mapped back from the
 * network's units ({@code value * std + mean}) and clamped to [0, 1], then the row is scaled up
 * by a whole factor (nearest neighbour) until panels are at least {@value #MIN_SIDE} pixels high,
 * so 28x28 pictures stay visible.
 */
public final class PanelPicture {
    /** The smallest panel height after scaling up. */
    public static final int MIN_SIDE = 112;

    private PanelPicture() {
    }

    /**
     * @param panels        each {@code [C*H*W]} in the network's units
     * @param shape         {@code [C, H, W]}
     * @param normalization the network's normalization
     * @param stretch       false: every panel as seed 004's {@code data_to_image} shows it; true:
     *                      the first panel so, the others (the visualizations) scaled so their
     *                      largest magnitude becomes 0.5 around mid-grey, {@code 0.5 + 0.5 v / max|v|}
     *                      (zero is grey, the sign shows as lighter or darker)
     * @param context       draws the grid, as every picture of a run is drawn
     * @return the row of panels
     */
    public static BufferedImage render(List<INDArray> panels, long[] shape, Normalization normalization,
            boolean stretch, CommandContext context) {
        int c = (int) shape[0];
        int hw = (int) (shape[1] * shape[2]);
        int d = c * hw;
        double[] all = new double[panels.size() * d];
        for (int p = 0; p < panels.size(); p++) {
            double[] v = panels.get(p).castTo(DataType.DOUBLE).dup('c').data().asDouble();
            double max = 0;
            for (double x : v) {
                max = Math.max(max, Math.abs(x));
            }
            for (int i = 0; i < d; i++) {
                all[p * d + i] = stretch && p > 0 ? (max > 0 ? 0.5 + 0.5 * v[i] / max : 0.5)
                        : normalization.toIntensity(v[i], i / hw);
            }
        }
        int factor = Math.max(1, (MIN_SIDE + (int) shape[1] - 1) / (int) shape[1]);
        return context.pictureGrid(Nd4j.create(all, new long[] {panels.size(), d}, 'c').castTo(DataType.FLOAT),
                shape, panels.size(), factor);
    }
}
