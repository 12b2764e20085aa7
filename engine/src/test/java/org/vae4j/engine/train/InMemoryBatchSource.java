package org.vae4j.engine.train;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.data.Batch;
import org.vae4j.api.data.BatchSource;

/**
 * Batches of an in-memory {@code [n, D]} array, shuffled per epoch by a permutation that depends
 * only on the source's seed and the epoch; the last batch of an epoch may be short. Input and
 * target are the same rows.
 */
public final class InMemoryBatchSource implements BatchSource {
    private final INDArray data;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;

    /**
     * @param data      the examples, {@code [n, D]}
     * @param batchSize examples per batch
     * @param seed      seed of the per-epoch permutations
     * @param shuffle   false to keep the stored order in every epoch
     */
    public InMemoryBatchSource(INDArray data, int batchSize, long seed, boolean shuffle) {
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
        this.shuffle = shuffle;
    }

    @Override
    public long batchesPerEpoch() {
        return (examples() + batchSize - 1) / batchSize;
    }

    @Override
    public long examples() {
        return data.size(0);
    }

    /** @return the order of the examples in {@code epoch} */
    public int[] order(int epoch) {
        int n = (int) examples();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (shuffle) {
            java.util.Random r = new java.util.Random(seed * 1_000_003L + epoch);
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
        }
        return idx;
    }

    @Override
    public Iterator<Batch> epoch(int epoch) {
        int[] idx = order(epoch);
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < idx.length; from += batchSize) {
            int[] rows = java.util.Arrays.copyOfRange(idx, from, Math.min(idx.length, from + batchSize));
            INDArray x = data.getRows(rows).dup('c');
            batches.add(new Batch(x, x, new int[rows.length], rows));
        }
        return batches.iterator();
    }
}
