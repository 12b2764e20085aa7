package org.vae4j.engine.train;

import org.vae4j.api.model.Metrics;

/** A figure of a training step became NaN or infinite; training stops instead of writing garbage checkpoints. */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param epoch   the epoch, counted from 0
     * @param step    the iteration within the epoch, counted from 0
     * @param phase   the training phase
     * @param metric  the first figure that is not finite
     * @param figures the step's figures
     */
    public TrainingDivergedException(int epoch, long step, String phase, String metric, Metrics figures) {
        super(String.format("training diverged at epoch %d, step %d (%s phase): %s is %s; the step's figures: %s "
                + "(try a lower learning rate or gradient clipping, \"optimizer\": {\"clipNorm\": ...})",
                epoch + 1, step + 1, phase, metric, figures.has(metric) ? figures.sum(metric) : figures.setting(metric),
                figures));
    }
}
