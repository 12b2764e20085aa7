package org.vae4j.engine.train;

import org.vae4j.engine.model.BatchLoss;

/** The loss became NaN or infinite; training stops instead of writing garbage checkpoints. */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param epoch the epoch, counted from 0
     * @param step  the step within the epoch, counted from 0
     * @param loss  the offending batch's sums
     */
    public TrainingDivergedException(int epoch, long step, BatchLoss loss) {
        super(String.format("training diverged at epoch %d, step %d: reconstruction %s, KL %s "
                + "(try a lower learning rate or gradient clipping, \"optimizer\": {\"clipNorm\": ...})",
                epoch + 1, step + 1, loss.reconstruction(), loss.kl()));
    }
}
