package org.vae4j.runner.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A whole experiment, checked and with every default filled in.
 *
 * @param name       the experiment's name; the default run directory is {@code runs/<name>}
 * @param seed       the seed every random stream of the run derives from
 * @param data       data set, transforms, batching
 * @param model      the model family and, in its slots, every component (the family's root
 *                   slots, such as a VAE's {@code objective}, included)
 * @param optimizer  the optimizer of every parameter group not named in {@code optimizers}
 * @param optimizers optimizers of particular parameter groups, by group name
 * @param schedule   the learning-rate schedule of {@code optimizer} ({@code "optimizer": {"schedule": ...}}),
 *                   or null for its configured rate throughout
 * @param schedules  the schedules of the optimizers in {@code optimizers}, by group name; a group
 *                   named there without a schedule has none
 * @param clipNorm   the largest gradient L2 norm per group; 0 for no clipping
 * @param training   epochs and checkpoints
 * @param resolved   all of the above as JSON, written to the run directory as {@code spec.json}
 */
public record ExperimentSpec(String name, long seed, DataSpec data, ComponentSpec model, ComponentSpec optimizer,
                             Map<String, ComponentSpec> optimizers, ComponentSpec schedule,
                             Map<String, ComponentSpec> schedules, double clipNorm, TrainingSpec training,
                             ObjectNode resolved) {

    /** @return the provider of every component of the spec, the model's tree first, then the optimizers and their schedules */
    public java.util.List<org.vae4j.api.spi.Provider<?, ?>> providers() {
        java.util.List<org.vae4j.api.spi.Provider<?, ?>> out = new java.util.ArrayList<>();
        collect(data.reader(), out);
        collect(model, out);
        collect(optimizer, out);
        optimizers.values().forEach(o -> collect(o, out));
        collect(schedule, out);
        schedules.values().forEach(o -> collect(o, out));
        return out;
    }

    private static void collect(ComponentSpec c, java.util.List<org.vae4j.api.spi.Provider<?, ?>> out) {
        if (c == null) {
            return;
        }
        out.add(c.provider());
        c.slots().values().forEach(s -> collect(s, out));
    }
}
