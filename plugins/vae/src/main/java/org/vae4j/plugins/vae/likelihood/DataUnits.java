package org.vae4j.plugins.vae.likelihood;

import org.vae4j.api.data.DataInfo;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.ConfigException;

/**
 * What a likelihood scores must be what the data's transform makes: level indices for a
 * categorical, intensities or binary pixels for the others. Checked when the likelihood is built,
 * so {@code vae4j validate} names the spec field to change.
 */
final class DataUnits {
    private DataUnits() {
    }

    /**
     * @param context the likelihood's build context
     * @param name    the likelihood's type, for the message
     * @throws ConfigException at {@code $.data.transform} if the targets are level indices
     */
    static void requireIntensities(BuildContext context, String name) {
        DataInfo d = context.data();
        if (d.quantized()) {
            throw new ConfigException("$.data.transform", "'quantize' yields level indices 0.." + (d.levels() - 1)
                    + ", which only the categorical likelihood scores; the " + name
                    + " likelihood needs \"scale\", \"binarize\" or \"dynamic-binarize\"");
        }
    }

    /**
     * @param context the likelihood's build context
     * @param levels  the categorical's K
     * @throws ConfigException at {@code $.data.transform} if the targets are not level indices, or
     *                         at the likelihood's {@code levels} if their count differs
     */
    static void requireLevels(BuildContext context, int levels) {
        DataInfo d = context.data();
        if (!d.quantized()) {
            throw new ConfigException("$.data.transform", "the categorical likelihood scores level indices; use "
                    + "\"quantize\" (with \"bits\"), got '" + d.transform() + "'");
        }
        if (levels != d.levels()) {
            throw new ConfigException("levels", "must equal 2^$.data.bits = " + d.levels()
                    + " (the levels the data has), got " + levels);
        }
    }
}
