package org.vae4j.datasets;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.data.Batch;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The mini-batches of one epoch, in an order fixed by (seed, epoch). Made by
 * {@link Batches#of(ImageSet, PixelTransform, PixelTransform, int, boolean, long, long)}.
 *
 * <p>Pixels are transformed into a Java {@code float[]} and handed to ND4J in one bulk copy per
 * array, never element by element through JNI. {@link #next()} allocates new arrays for each
 * batch, which is simple but costs more than the transform itself (off-heap allocation, measured
 * at about 1 ms per 128x784 batch); a training loop should allocate two arrays once and use
 * {@link #nextInto(INDArray, INDArray)}.
 *
 * <p>Not thread-safe; one iterator serves one consumer.
 */
public final class BatchIterator implements Iterator<Batch> {
    private final ImageSet set;
    private final PixelTransform target;
    private final PixelTransform input;
    private final int batchSize;
    private final long epoch;
    private final int[] order;
    private final int batches;
    private int next;
    /** Reused between batches: ND4J copies out of them. */
    private float[] targetScratch;
    private float[] inputScratch;

    BatchIterator(ImageSet set, PixelTransform target, PixelTransform input, int batchSize,
                  long epoch, int[] order) {
        this.set = set;
        this.target = target;
        this.input = input;
        this.batchSize = batchSize;
        this.epoch = epoch;
        this.order = order;
        this.batches = (order.length + batchSize - 1) / batchSize;
    }

    /** @return the number of batches in the epoch, the last one possibly smaller */
    public int batchesPerEpoch() {
        return batches;
    }

    /** @return the number of images in the epoch */
    public int size() {
        return order.length;
    }

    /** @return the number of images per batch (the last batch may have fewer) */
    public int batchSize() {
        return batchSize;
    }

    @Override
    public boolean hasNext() {
        return next < batches;
    }

    /**
     * The next batch, in newly allocated arrays that stay valid for good.
     *
     * @return the batch
     * @throws NoSuchElementException after the last batch
     */
    @Override
    public Batch next() {
        int n = startBatch();
        int d = set.dimensions();
        Rows b = transform(n);
        long[] shape = {n, d};
        INDArray targetArray = Nd4j.create(exact(targetScratch, n * d), shape, 'c');
        INDArray inputArray = inputScratch == null ? targetArray
                : Nd4j.create(exact(inputScratch, n * d), shape, 'c');
        return new Batch(inputArray, targetArray, b.labels(), b.indices());
    }

    /**
     * The next batch, written into arrays the caller allocated once, e.g. with
     * {@code Nd4j.create(DataType.FLOAT, batchSize(), set.dimensions())}. The returned batch's
     * arrays are those arrays, or views of their first {@code n} rows for a smaller last batch,
     * and are overwritten by the next call.
     *
     * @param inputBuffer  receives the input; FLOAT, C order, shape {@code [rows >= n, D]}, rows
     *                     contiguous
     * @param targetBuffer receives the target, same requirements; may be the same array as
     *                     {@code inputBuffer} only when the two transforms are the same object
     * @return the batch, backed by the buffers
     * @throws NoSuchElementException   after the last batch
     * @throws IllegalArgumentException if a buffer does not fit
     */
    public Batch nextInto(INDArray inputBuffer, INDArray targetBuffer) {
        if (inputBuffer == targetBuffer && input != target) {
            throw new IllegalArgumentException("input and target are made by different transforms ("
                    + input + ", " + target + "), so they need two buffers");
        }
        if (!hasNext()) {
            startBatch(); // throws with the standard message
        }
        int d = set.dimensions();
        int rows = Math.min(batchSize, order.length - next * batchSize);
        checkBuffer("inputBuffer", inputBuffer, rows, d);
        checkBuffer("targetBuffer", targetBuffer, rows, d);
        int n = startBatch();
        Rows b = transform(n);
        copy(targetScratch, n * d, targetBuffer);
        if (inputBuffer != targetBuffer) {
            copy(inputScratch == null ? targetScratch : inputScratch, n * d, inputBuffer);
        }
        INDArray targetView = rowsOf(targetBuffer, n);
        INDArray inputView = inputBuffer == targetBuffer ? targetView : rowsOf(inputBuffer, n);
        return new Batch(inputView, targetView, b.labels(), b.indices());
    }

    /** @return the size of the batch about to be made, after advancing */
    private int startBatch() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + batches + " batches of epoch " + epoch
                    + " of " + set.description() + " were returned");
        }
        int from = next * batchSize;
        next++;
        return Math.min(batchSize, order.length - from);
    }

    /** The labels and indices of a batch's rows. */
    private record Rows(int[] labels, int[] indices) {
    }

    /** Fills the scratch arrays for the batch just started. */
    private Rows transform(int n) {
        int from = (next - 1) * batchSize;
        int d = set.dimensions();
        if (targetScratch == null) {
            int length = Math.min(batchSize, order.length) * d;
            targetScratch = new float[length];
            inputScratch = input == target ? null : new float[length];
        }
        int[] indices = Arrays.copyOfRange(order, from, from + n);
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            int image = indices[r];
            labels[r] = set.label(image);
            target.apply(set, image, targetScratch, r * d, epoch);
            if (inputScratch != null) {
                input.apply(set, image, inputScratch, r * d, epoch);
            }
        }
        return new Rows(labels, indices);
    }

    private static float[] exact(float[] scratch, int length) {
        return scratch.length == length ? scratch : Arrays.copyOf(scratch, length);
    }

    private static void checkBuffer(String name, INDArray buffer, int rows, int d) {
        if (buffer == null || buffer.dataType() != DataType.FLOAT || buffer.rank() != 2
                || buffer.ordering() != 'c' || buffer.columns() != d || buffer.rows() < rows
                // ND4J gives a one-row array the row stride 1: only more rows make it matter
                || buffer.stride(1) != 1 || (buffer.rows() > 1 && buffer.stride(0) != d)) {
            throw new IllegalArgumentException(name + " must be a FLOAT C-order [>= " + rows + ", " + d
                    + "] array with contiguous rows, got " + (buffer == null ? "null"
                    : buffer.dataType() + " " + buffer.ordering() + " " + Arrays.toString(buffer.shape())
                    + " strides " + Arrays.toString(buffer.stride())));
        }
    }

    /** One bulk copy into the buffer's memory; on non-CPU backends through ND4J's own copy. */
    private static void copy(float[] src, int length, INDArray dst) {
        if (Nd4j.getEnvironment().isCPU()) {
            dst.data().asNioFloat().put((int) dst.offset(), src, 0, length);
        } else {
            int rows = length / dst.columns();
            rowsOf(dst, rows).assign(Nd4j.create(exact(src, length), new long[] {rows, dst.columns()}, 'c'));
        }
    }

    private static INDArray rowsOf(INDArray buffer, int n) {
        return buffer.rows() == n ? buffer : buffer.get(NDArrayIndex.interval(0, n), NDArrayIndex.all());
    }
}
