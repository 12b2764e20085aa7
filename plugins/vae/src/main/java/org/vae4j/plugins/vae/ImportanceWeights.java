package org.vae4j.plugins.vae;

import java.util.Arrays;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The importance-weighted estimate {@code -log (1/K) sum_k w_k} of each example, accumulated chunk
 * by chunk as a running log-sum-exp in double precision, so K log-weights per example never need
 * to be held at once.
 */
public final class ImportanceWeights {
    private final double[] max;
    private final double[] sum;

    /** @param examples N */
    public ImportanceWeights(int examples) {
        max = new double[examples];
        sum = new double[examples];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /**
     * @param logWeights {@code N * k} log-weights, example-major: {@code [i * k + j]} is sample j of
     *                   example i
     * @param k          samples per example in this chunk
     */
    public void add(double[] logWeights, int k) {
        for (int i = 0; i < max.length; i++) {
            for (int j = 0; j < k; j++) {
                double v = logWeights[i * k + j];
                if (v > max[i]) {
                    sum[i] = sum[i] * Math.exp(max[i] - v) + 1;
                    max[i] = v;
                } else {
                    sum[i] += Math.exp(v - max[i]);
                }
            }
        }
    }

    /**
     * @param samples K, the samples added per example in all
     * @return {@code [N]}: each example's {@code -log (1/K) sum_k w_k} in nats
     */
    public INDArray negativeLogMean(int samples) {
        double[] nll = new double[max.length];
        for (int i = 0; i < nll.length; i++) {
            nll[i] = -(max[i] + Math.log(sum[i]) - Math.log(samples));
        }
        return Nd4j.createFromArray(nll);
    }
}
