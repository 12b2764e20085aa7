package org.vae4j.plugins.vae.beta;

import org.vae4j.api.BetaSchedule;
import org.vae4j.api.TrainingProgress;

/**
 * Linear KL annealing by epoch: {@code beta = target * min(1, epoch / E)}, where {@code E} is
 * {@code untilEpoch} when given and otherwise the last epoch, {@code epochs - 1}. Beta is 0 at
 * epoch 0 and, by default, reaches the target exactly at the last epoch; it is constant within an
 * epoch. A run of one epoch trains at the target throughout.
 *
 * <p>Example: 20 epochs, target 1.2, no {@code untilEpoch}: E = 19, so epoch 0 trains with beta 0,
 * epoch 10 with {@code 1.2 * 10/19 = 0.6316}, and epoch 19 with 1.2. With {@code untilEpoch} 10
 * instead, epoch 5 trains with 0.6 and every epoch from 10 on with 1.2.
 *
 * @param target     the final beta, {@code >= 0}
 * @param untilEpoch the epoch at which beta reaches the target, {@code >= 1}; null for the last epoch
 */
public record LinearBeta(double target, Integer untilEpoch) implements BetaSchedule {
    /**
     * @param target     the final beta, {@code >= 0}
     * @param untilEpoch the epoch at which beta reaches the target, {@code >= 1}; null for the last epoch
     * @throws IllegalArgumentException if {@code target} is negative or {@code untilEpoch} below 1
     */
    public LinearBeta {
        if (!(target >= 0) || Double.isInfinite(target)) {
            throw new IllegalArgumentException("target must be a finite number >= 0, got " + target);
        }
        if (untilEpoch != null && untilEpoch < 1) {
            throw new IllegalArgumentException("untilEpoch must be >= 1, got " + untilEpoch);
        }
    }

    @Override
    public double beta(TrainingProgress progress) {
        int rampEpochs = untilEpoch != null ? untilEpoch : progress.epochs() - 1;
        if (rampEpochs <= 0 || progress.epoch() >= rampEpochs) {
            return target;
        }
        return target * progress.epoch() / rampEpochs;
    }
}
