package org.vae4j.runner.assemble;

import java.util.Iterator;
import org.vae4j.datasets.Batches;
import org.vae4j.datasets.BatchIterator;
import org.vae4j.datasets.ImageSet;
import org.vae4j.datasets.PixelTransform;
import org.vae4j.engine.train.Batch;
import org.vae4j.engine.train.BatchSource;

/** Adapts a datasets {@link ImageSet} to the engine's {@link BatchSource}. */
final class ImageBatches implements BatchSource {
    private final ImageSet set;
    private final PixelTransform target;
    private final PixelTransform input;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;

    ImageBatches(ImageSet set, PixelTransform target, PixelTransform input, int batchSize, boolean shuffle, long seed) {
        this.set = set;
        this.target = target;
        this.input = input;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    @Override
    public long batchesPerEpoch() {
        return (set.size() + batchSize - 1) / batchSize;
    }

    @Override
    public long examples() {
        return set.size();
    }

    @Override
    public Iterator<Batch> epoch(int epoch) {
        BatchIterator it = Batches.of(set, target, input, batchSize, shuffle, seed, epoch);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Batch next() {
                org.vae4j.datasets.Batch b = it.next();
                return new Batch(b.input(), b.target());
            }
        };
    }
}
