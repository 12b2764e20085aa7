package org.vae4j.api;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * The observation model p(x|z), given the parameters the decoder emits for each data dimension.
 * Parameter arrays are {@code [N, P*D]}, parameter-major; data arrays are {@code [N, D]}.
 */
public interface Likelihood {

    /** @return P, the number of decoder outputs per data dimension (1 for Bernoulli logits) */
    int parametersPerDimension();

    /**
     * @param x      data {@code [N, D]} in the likelihood's own units (e.g. {0,1} or [0,1] for
     *               Bernoulli, level indices 0..K-1 for a categorical)
     * @param params decoder output {@code [N, P*D]}
     * @return log p(x|params) summed over dimensions, one value per example: {@code [N]}
     */
    INDArray logProb(INDArray x, INDArray params);

    /**
     * The training path: log-likelihood and its gradient in one pass.
     *
     * @param x        data {@code [N, D]}
     * @param params   decoder output {@code [N, P*D]}
     * @param scale    factor applied to the gradient (e.g. {@code -1/N} for a batch-mean loss)
     * @param gradient {@code [N, P*D]}, overwritten with {@code scale * d(sum_n log p(x_n))/d params};
     *                 the gradients of this likelihood's own {@linkplain #parameters() parameters}
     *                 are added to (as layers add to theirs)
     * @return log p(x|params) per example, {@code [N]}
     */
    INDArray logProbAndGradient(INDArray x, INDArray params, double scale, INDArray gradient);

    /**
     * {@link #logProbAndGradient(INDArray, INDArray, double, INDArray)} with a weight per row, as
     * an importance-weighted objective needs it: the gradient of row r is scaled by
     * {@code rowScale[r]}, and a likelihood with {@linkplain #parameters() parameters} adds
     * {@code sum_r rowScale[r] * d log p_r / d theta} to theirs.
     *
     * @param x        the data, {@code [N, D]}
     * @param params   the decoder's output, {@code [N, P*D]}
     * @param rowScale {@code [N, 1]}, the weight of each row
     * @param gradient {@code [N, P*D]}, overwritten
     * @return log p(x|params) per row, {@code [N]}
     */
    default INDArray logProbAndGradient(INDArray x, INDArray params, INDArray rowScale, INDArray gradient) {
        if (!parameters().isEmpty()) {
            throw new UnsupportedOperationException(getClass().getSimpleName()
                    + " learns parameters but gives no weighted gradient for them");
        }
        INDArray logP = logProbAndGradient(x, params, 1.0, gradient);
        gradient.muliColumnVector(rowScale.castTo(gradient.dataType()));
        return logP;
    }

    /**
     * @param params decoder output {@code [N, P*D]}
     * @param random the random stream to draw from
     * @return one draw x ~ p(x|params), {@code [N, D]}
     */
    INDArray sample(INDArray params, Random random);

    /**
     * @param params decoder output {@code [N, P*D]}
     * @return the mean of p(x|params) in data units (for a categorical over levels, the expected
     *         level), {@code [N, D]}
     */
    INDArray mean(INDArray params);

    /**
     * @param params decoder output {@code [N, P*D]}
     * @return the expected picture in [0, 1], {@code [N, D]}, for showing to a person
     */
    INDArray toIntensities(INDArray params);

    /**
     * Converts data in [0, 1] intensities to this likelihood's units; the inverse direction of
     * {@link #toIntensities} for data, used when a picture is fed back in.
     *
     * @param intensities {@code [N, D]} in [0, 1]
     * @return data in the units {@link #logProb} expects
     */
    default INDArray fromIntensities(INDArray intensities) {
        return intensities;
    }

    /** @return parameters the likelihood learns itself (e.g. a per-dimension log-sigma) */
    default List<Parameter> parameters() {
        return List.of();
    }
}
