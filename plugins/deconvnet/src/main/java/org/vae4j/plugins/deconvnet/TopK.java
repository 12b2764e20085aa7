package org.vae4j.plugins.deconvnet;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seed 004's {@code keep_top_k}. */
public final class TopK {
    private TopK() {
    }

    /**
     * Keeps the {@code k} highest entries of every example (all entries after the batch dimension
     * taken together, as {@code torch.flatten(tensor, start_dim=1).topk(k)}) in their places and
     * sets all others to zero. Among equal values the earlier position (C order) wins; NaNs are
     * never kept.
     *
     * @param tensor a batch {@code [N, ...]}
     * @param k      how many entries to keep per example, from 0 to the entries per example
     * @return a new array shaped like {@code tensor}
     * @throws IllegalArgumentException if {@code k} is negative or exceeds the entries per example
     */
    public static INDArray keepTopK(INDArray tensor, int k) {
        if (tensor.rank() < 2) {
            throw new IllegalArgumentException("keepTopK expects a batch [N, ...], got " + Arrays.toString(tensor.shape()));
        }
        int n = Math.toIntExact(tensor.size(0));
        int per = Math.toIntExact(tensor.length() / Math.max(1, n));
        if (k < 0 || k > per) {
            throw new IllegalArgumentException("k must be from 0 to the " + per + " entries per example, got " + k);
        }
        double[] v = tensor.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] out = new double[v.length];
        int[] heap = new int[Math.max(k, 1)];
        for (int e = 0; e < n; e++) {
            int base = e * per;
            int size = 0;
            for (int i = 0; i < per && k > 0; i++) {
                double x = v[base + i];
                if (Double.isNaN(x)) {
                    continue;
                }
                if (size < k) {
                    heap[size] = base + i;
                    siftUp(heap, size++, v);
                } else if (worse(heap[0], base + i, v)) {
                    heap[0] = base + i;
                    siftDown(heap, size, v);
                }
            }
            for (int j = 0; j < size; j++) {
                out[heap[j]] = v[heap[j]];
            }
        }
        return Nd4j.create(out, tensor.shape(), 'c').castTo(tensor.dataType());
    }

    /** Whether entry {@code a} ranks below entry {@code b}: smaller, or equal and later. */
    private static boolean worse(int a, int b, double[] v) {
        return v[a] < v[b] || (v[a] == v[b] && a > b);
    }

    // a min-heap under "worse": the root is the entry that would be dropped first
    private static void siftUp(int[] heap, int i, double[] v) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!worse(heap[i], heap[parent], v)) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[parent];
            heap[parent] = t;
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, double[] v) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < size && worse(heap[l], heap[m], v)) {
                m = l;
            }
            if (r < size && worse(heap[r], heap[m], v)) {
                m = r;
            }
            if (m == i) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[m];
            heap[m] = t;
            i = m;
        }
    }
}
