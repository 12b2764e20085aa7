package org.vae4j.engine.train;

import java.util.Iterator;
import org.vae4j.api.data.Batch;
import org.vae4j.api.data.BatchSource;
import org.vae4j.api.model.ImportanceWeighted;
import org.vae4j.api.model.Metrics;
import org.vae4j.api.model.Model;
import org.vae4j.api.random.Seeds;
import org.vae4j.api.random.Streams;
import org.vae4j.engine.random.SeededRandom;

/** Evaluation of a model on a whole split, with noise derived from the run seed. */
public final class Evaluator {
    private Evaluator() {
    }

    /**
     * The model's evaluation metrics summed over a split, with noise derived from the run seed and
     * {@code index}, so the same model gives the same figures every time (the test split's index is
     * {@link Streams#TEST_INDEX}, which makes {@code vae4j eval} repeat summary.json).
     *
     * @param model  the model
     * @param source the batches (taken in the order of epoch 0)
     * @param seed   the run seed
     * @param index  which evaluation this is, e.g. the epoch
     * @return the sums over the split
     */
    public static Metrics evaluate(Model model, BatchSource source, long seed, long index) {
        Metrics sums = new Metrics();
        try (SeededRandom noise = new SeededRandom(Seeds.derive(seed, Streams.EVALUATION_NOISE, index))) {
            Iterator<Batch> it = source.epoch(0);
            while (it.hasNext()) {
                sums.add(model.evaluate(it.next(), noise.get()));
            }
        }
        return sums;
    }

    /**
     * The importance-weighted estimate of {@code -log p(x)} (Burda et al. 2016) averaged over a
     * split, in nats per example. Batch b's samples come from a stream derived from the seed and
     * b, so the estimate is the same every time, and the same as {@code vae4j eval --iw-samples}
     * gives for the same batches.
     *
     * @param model   a model with a posterior to sample from
     * @param source  the batches (taken in the order of epoch 0)
     * @param samples K, samples per example
     * @param seed    the run seed
     * @return the mean over the examples
     */
    public static double importanceWeightedNll(ImportanceWeighted model, BatchSource source, int samples, long seed) {
        double sum = 0;
        long count = 0;
        Iterator<Batch> it = source.epoch(0);
        for (long b = 0; it.hasNext(); b++) {
            Batch batch = it.next();
            try (SeededRandom r = new SeededRandom(Seeds.derive(seed, Streams.IMPORTANCE_SAMPLES, b))) {
                sum += model.importanceWeightedNll(batch, samples, r.get()).sumNumber().doubleValue();
            }
            count += batch.size();
        }
        return sum / Math.max(1, count);
    }
}
