package org.vae4j.datasets;

import org.vae4j.api.data.Batch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class BatchesTest {
    /** 23 images of 1x2x3 with distinct pixels. */
    static ImageSet set23() {
        int n = 23;
        int d = 6;
        byte[] px = new byte[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int k = 0; k < d; k++) {
                px[i * d + k] = (byte) TestData.pixel(i, k);
            }
        }
        return ImageSet.of(px, labels, 1, 2, 3, "set23");
    }

    private static List<Batch> all(BatchIterator it) {
        List<Batch> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static int[] visited(List<Batch> batches) {
        return batches.stream().flatMapToInt(b -> Arrays.stream(b.indices())).toArray();
    }

    @Test
    void everyImageOnceWithPartialLastBatch() {
        BatchIterator it = Batches.of(set23(), PixelTransforms.scale(), PixelTransforms.scale(), 5, true, 1, 0);
        assertEquals(5, it.batchesPerEpoch());
        assertEquals(23, it.size());
        List<Batch> batches = all(it);
        assertEquals(5, batches.size());
        assertEquals(List.of(5, 5, 5, 5, 3), batches.stream().map(Batch::size).toList());
        int[] seen = visited(batches);
        int[] sorted = seen.clone();
        Arrays.sort(sorted);
        int[] expected = new int[23];
        Arrays.setAll(expected, i -> i);
        assertArrayEquals(expected, sorted);
        assertFalse(Arrays.equals(expected, seen), "shuffled");
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void withoutShuffleImagesComeInOrder() {
        int[] seen = visited(all(Batches.of(set23(), PixelTransforms.scale(), PixelTransforms.scale(),
                10, false, 1, 3)));
        int[] expected = new int[23];
        Arrays.setAll(expected, i -> i);
        assertArrayEquals(expected, seen);
    }

    @Test
    void orderIsAFunctionOfSeedAndEpoch() {
        assertArrayEquals(Batches.order(1000, true, 42, 3), Batches.order(1000, true, 42, 3));
        assertFalse(Arrays.equals(Batches.order(1000, true, 42, 3), Batches.order(1000, true, 42, 4)));
        assertFalse(Arrays.equals(Batches.order(1000, true, 42, 3), Batches.order(1000, true, 43, 3)));
        int[] a = visited(all(Batches.of(set23(), PixelTransforms.scale(), PixelTransforms.scale(), 4, true, 9, 2)));
        int[] b = visited(all(Batches.of(set23(), PixelTransforms.scale(), PixelTransforms.scale(), 7, true, 9, 2)));
        assertArrayEquals(a, b, "the batch size does not change the order");
    }

    @Test
    void arraysAreFloatRowsInCOrderWithLabels() {
        ImageSet set = set23();
        PixelTransform scale = PixelTransforms.scale();
        Batch b = Batches.of(set, scale, scale, 8, true, 5, 0).next();
        assertEquals(DataType.FLOAT, b.input().dataType());
        assertArrayEquals(new long[] {8, 6}, b.input().shape());
        assertEquals('c', b.input().ordering());
        assertSame(b.input(), b.target(), "one array when both transforms are the same object");
        float[][] rows = b.input().toFloatMatrix();
        for (int r = 0; r < 8; r++) {
            int image = b.indices()[r];
            assertEquals(set.label(image), b.labels()[r]);
            assertArrayEquals(scale.apply(set, image, 0), rows[r]);
        }
    }

    @Test
    void separateInputAndTargetTransforms() {
        ImageSet set = set23();
        Batch b = Batches.of(set, PixelTransforms.quantize(4), PixelTransforms.quantizedSymmetric(4),
                23, false, 0, 0).next();
        assertNotSame(b.input(), b.target());
        assertEquals(Math.min(TestData.pixel(4, 2) * 16 / 255, 15), b.target().getFloat(4, 2));
        float q = Math.min(TestData.pixel(4, 2) * 16 / 255, 15);
        assertEquals(q / 15f * 2f - 1f, b.input().getFloat(4, 2));
    }

    @Test
    void dynamicTransformsSeeTheEpoch() {
        ImageSet set = PixelTransformsTest.constant(4, 200, 128);
        PixelTransform d = PixelTransforms.dynamicBinarize(1);
        Batch e0 = Batches.of(set, d, d, 4, false, 0, 0).next();
        Batch e0again = Batches.of(set, d, d, 4, false, 0, 0).next();
        Batch e1 = Batches.of(set, d, d, 4, false, 0, 1).next();
        assertEquals(e0.target(), e0again.target());
        assertFalse(e0.target().equals(e1.target()));
    }

    @Test
    void nextIntoFillsPreallocatedBuffersLikeNext() {
        ImageSet set = set23();
        PixelTransform q = PixelTransforms.quantize(4);
        PixelTransform s = PixelTransforms.quantizedSymmetric(4);
        BatchIterator fresh = Batches.of(set, q, s, 10, true, 3, 1);
        BatchIterator reusing = Batches.of(set, q, s, 10, true, 3, 1);
        INDArray in = Nd4j.create(DataType.FLOAT, 10, 6);
        // a view with an offset into a bigger array works as well
        INDArray target = Nd4j.create(DataType.FLOAT, 12, 6).get(NDArrayIndex.interval(2, 12), NDArrayIndex.all());
        List<Integer> sizes = new ArrayList<>();
        while (fresh.hasNext()) {
            Batch a = fresh.next();
            Batch b = reusing.nextInto(in, target);
            sizes.add(b.size());
            assertArrayEquals(a.indices(), b.indices());
            assertArrayEquals(a.labels(), b.labels());
            assertEquals(a.input(), b.input());
            assertEquals(a.target(), b.target());
        }
        assertEquals(List.of(10, 10, 3), sizes);
        assertThrows(NoSuchElementException.class, () -> reusing.nextInto(in, target));
    }

    @Test
    void aSetOfOneImageFillsItsOneRowBuffer() {
        // ND4J gives a [1, D] array the strides [1, 1]; evaluating a single image must still work
        ImageSet one = set23().head(1);
        Batch b = new ImageBatches(one, PixelTransforms.scale(), PixelTransforms.scale(), 1, false, 0).epoch(0).next();
        assertEquals(1, b.size());
        assertEquals(TestData.pixel(0, 5) / 255f, b.input().getFloat(0, 5));
    }

    @Test
    void nextIntoSharesOneBufferForOneTransform() {
        PixelTransform scale = PixelTransforms.scale();
        INDArray buffer = Nd4j.create(DataType.FLOAT, 20, 6);
        Batch b = Batches.of(set23(), scale, scale, 20, false, 0, 0).nextInto(buffer, buffer);
        assertSame(buffer, b.input());
        assertSame(buffer, b.target());
        assertEquals(TestData.pixel(19, 5) / 255f, buffer.getFloat(19, 5));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Batches.of(set23(), scale, PixelTransforms.symmetric(), 20, false, 0, 0).nextInto(buffer, buffer));
        assertTrue(e.getMessage().contains("need two buffers"), e.getMessage());
        var wrong = assertThrows(IllegalArgumentException.class, () -> Batches.of(set23(), scale, scale, 20, false, 0, 0)
                .nextInto(Nd4j.create(DataType.DOUBLE, 20, 6), buffer));
        assertEquals("inputBuffer must be a FLOAT C-order [>= 20, 6] array with contiguous rows, got DOUBLE c [20, 6]"
                + " strides [6, 1]", wrong.getMessage());
    }

    @Test
    void emptySetHasNoBatches() {
        BatchIterator it = Batches.of(set23().head(0), PixelTransforms.scale(), PixelTransforms.scale(),
                4, true, 0, 0);
        assertEquals(0, it.batchesPerEpoch());
        assertFalse(it.hasNext());
    }

    @Test
    void rejectsBadBatchSize() {
        assertThrows(IllegalArgumentException.class,
                () -> Batches.of(set23(), PixelTransforms.scale(), PixelTransforms.scale(), 0, true, 0, 0));
    }
}
