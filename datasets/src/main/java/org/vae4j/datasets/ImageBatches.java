package org.vae4j.datasets;

import java.util.Iterator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.data.Batch;
import org.vae4j.api.data.BatchSource;

/**
 * The batches of one split of an {@link ImageSet}, as the engine takes them. The batches of a
 * split share one pair of arrays, so a batch is valid until the next one is taken; no off-heap
 * memory is allocated per step.
 */
public final class ImageBatches implements BatchSource {
    private final ImageSet set;
    private final PixelTransform target;
    private final PixelTransform input;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    // one pair of batch arrays per split, refilled for every batch: no off-heap allocation per step
    private INDArray targetBuffer;
    private INDArray inputBuffer;

    /**
     * @param set       the images
     * @param target    the transform for what a likelihood scores
     * @param input     the transform for what a model's first network sees (the same object as
     *                  {@code target} for one array used as both)
     * @param batchSize images per batch
     * @param shuffle   whether each epoch shuffles the order
     * @param seed      the shuffle's seed
     */
    public ImageBatches(ImageSet set, PixelTransform target, PixelTransform input, int batchSize, boolean shuffle,
                        long seed) {
        this.set = set;
        this.target = target;
        this.input = input;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    private INDArray targetBuffer() {
        if (targetBuffer == null) {
            targetBuffer = Nd4j.create(DataType.FLOAT, Math.min(batchSize, Math.max(1, set.size())), set.dimensions());
        }
        return targetBuffer;
    }

    private INDArray inputBuffer() {
        if (input == target) {
            return targetBuffer();
        }
        if (inputBuffer == null) {
            inputBuffer = Nd4j.create(DataType.FLOAT, Math.min(batchSize, Math.max(1, set.size())), set.dimensions());
        }
        return inputBuffer;
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
                return it.nextInto(inputBuffer(), targetBuffer());
            }
        };
    }
}
