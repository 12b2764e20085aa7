package org.vae4j.engine.train;

import java.util.Iterator;
import org.vae4j.api.BetaSchedule;
import org.vae4j.api.TrainingProgress;
import org.vae4j.engine.model.BatchLoss;
import org.vae4j.engine.model.VariationalAutoencoder;
import org.vae4j.engine.optim.Optimizer;
import org.vae4j.engine.params.ParameterStore;

/**
 * The training and evaluation loops. Every random stream is derived from the run seed and the
 * epoch ({@link Seeds}), so training epochs {@code k..n} after a restore from the checkpoint of
 * epoch {@code k-1} gives the same numbers as an uninterrupted run.
 */
public final class Trainer {
    private static final long NOISE = 1;
    private static final long EVAL_NOISE = 2;
    private final VariationalAutoencoder model;
    private final ParameterStore params;
    private final Optimizer optimizer;
    private final BetaSchedule beta;
    private final double clipNorm;
    private final long seed;

    /**
     * @param model     the model
     * @param params    its parameters, from {@link VariationalAutoencoder#parameters()}
     * @param optimizer the optimizer
     * @param beta      the KL weight schedule
     * @param clipNorm  the largest gradient L2 norm, or 0 for no clipping
     * @param seed      the run seed
     */
    public Trainer(VariationalAutoencoder model, ParameterStore params, Optimizer optimizer,
                   BetaSchedule beta, double clipNorm, long seed) {
        this.model = model;
        this.params = params;
        this.optimizer = optimizer;
        this.beta = beta;
        this.clipNorm = clipNorm;
        this.seed = seed;
    }

    /**
     * Trains one epoch and then evaluates on the validation split.
     *
     * @param epoch      the epoch, counted from 0
     * @param epochs     the run's number of epochs (for the beta schedule)
     * @param train      the training batches
     * @param validation the validation batches, or null
     * @param listener   hears each step
     * @return the epoch's figures
     */
    public EpochResult epoch(int epoch, int epochs, BatchSource train, BatchSource validation,
                             TrainingListener listener) {
        long stepsPerEpoch = Math.max(1, train.batchesPerEpoch());
        BatchLoss sums = BatchLoss.EMPTY;
        double objective = 0;
        double b = 0;
        long steps = 0;
        long start = System.nanoTime();
        try (SeededRandom noise = new SeededRandom(Seeds.derive(seed, NOISE, epoch))) {
            Iterator<Batch> it = train.epoch(epoch);
            while (it.hasNext()) {
                Batch batch = it.next();
                b = beta.beta(new TrainingProgress(epoch, epochs, epoch * stepsPerEpoch + steps, stepsPerEpoch));
                BatchLoss loss = model.trainStep(batch.input(), batch.target(), b, noise.get());
                if (!Double.isFinite(loss.reconstruction()) || !Double.isFinite(loss.kl())) {
                    throw new TrainingDivergedException(epoch, steps, loss);
                }
                if (clipNorm > 0) {
                    params.clipGradientNorm(clipNorm);
                }
                optimizer.step(params);
                sums = sums.plus(loss);
                objective += loss.reconstruction() + b * loss.kl();
                steps++;
                listener.onStep(epoch, steps, stepsPerEpoch, objective / sums.examples());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        BatchLoss val = validation == null ? null : evaluate(validation, epoch);
        EpochResult result = new EpochResult(epoch, b, sums, val, seconds,
                sums.examples() / Math.max(seconds, 1e-9), steps);
        listener.onEpoch(result);
        return result;
    }

    /**
     * The negative ELBO at beta = 1 over a whole split, one z sample per example, with noise
     * derived from the run seed and {@code index} (so the same model gives the same figure).
     *
     * @param source the batches (taken in the order of epoch 0)
     * @param index  which evaluation this is, e.g. the epoch
     * @return the sums over the split
     */
    public BatchLoss evaluate(BatchSource source, long index) {
        BatchLoss sums = BatchLoss.EMPTY;
        try (SeededRandom noise = new SeededRandom(Seeds.derive(seed, EVAL_NOISE, index))) {
            Iterator<Batch> it = source.epoch(0);
            while (it.hasNext()) {
                Batch batch = it.next();
                sums = sums.plus(model.evaluate(batch.input(), batch.target(), noise.get()));
            }
        }
        return sums;
    }
}
