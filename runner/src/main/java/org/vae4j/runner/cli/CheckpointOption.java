package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;

/** {@code --checkpoint latest|best|epoch-N}, shared by the commands that read a run's model. */
public final class CheckpointOption {
    @Parameter(names = "--checkpoint", description = "Which checkpoint: latest, best (early stopping's) or epoch-N "
            + "(one the run kept)")
    String name = "latest";
}
