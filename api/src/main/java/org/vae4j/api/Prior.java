package org.vae4j.api;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/** The prior p(z) over the {@code L}-dimensional latent space. */
public interface Prior {

    /** @return L, the latent dimension */
    int latentDim();

    /**
     * @param z latent codes {@code [N, L]}
     * @return log p(z), one value per row: {@code [N]}
     */
    INDArray logProb(INDArray z);

    /**
     * @param z latent codes {@code [N, L]}
     * @return d log p(z) / dz, {@code [N, L]}; used for a Monte Carlo KL when there is no closed form
     */
    INDArray logProbGradient(INDArray z);

    /**
     * The training path of a Monte Carlo KL: log p(z) and its gradients in one call.
     *
     * @param z     latent codes {@code [N, L]}
     * @param scale factor applied to every gradient (e.g. {@code -beta/N} for a batch-mean loss
     *              that subtracts log p)
     * @param gradZ {@code [N, L]}, overwritten with {@code scale * d log p(z) / dz}
     * @return log p(z) per row, {@code [N]}; a prior with {@linkplain #parameters() parameters} also
     *         adds {@code scale * d sum_n log p(z_n) / d theta} to their gradients
     */
    default INDArray logProbAndGradient(INDArray z, double scale, INDArray gradZ) {
        gradZ.assign(logProbGradient(z)).muli(scale);
        return logProb(z);
    }

    /**
     * log p(z) and its gradient with a weight per row, as an importance-weighted objective needs
     * it: writes {@code rowScale[r] * d log p(z_r) / d z_r} into {@code gradZ}, and a prior with
     * {@linkplain #parameters() parameters} adds {@code sum_r rowScale[r] * d log p(z_r) / d theta}
     * to their gradients.
     *
     * @param z        {@code [N, L]}
     * @param rowScale {@code [N, 1]}, the weight of each row
     * @param gradZ    {@code [N, L]}, overwritten
     * @return log p(z) per row, {@code [N]}
     */
    default INDArray logProbAndGradient(INDArray z, INDArray rowScale, INDArray gradZ) {
        if (!parameters().isEmpty()) {
            throw new UnsupportedOperationException(getClass().getSimpleName()
                    + " learns parameters but gives no weighted gradient for them");
        }
        gradZ.assign(logProbGradient(z)).muliColumnVector(rowScale);
        return logProb(z);
    }

    /**
     * @param n      how many codes
     * @param random the random stream to draw from
     * @return {@code [n, L]} draws from the prior
     */
    INDArray sample(long n, Random random);

    /** @return whether {@link #klDivergence} is available in closed form */
    default boolean hasClosedFormKl() {
        return false;
    }

    /**
     * KL(q || p) for a diagonal Gaussian q = N(mean, exp(logVar)), in closed form.
     *
     * @param mean     {@code [N, L]}
     * @param logVar   {@code [N, L]}
     * @param scale    factor applied to the gradients
     * @param gradMean if not null, overwritten with {@code scale * dKL/dmean}
     * @param gradLogVar if not null, overwritten with {@code scale * dKL/dlogVar}
     * @return KL per example, summed over latent dimensions: {@code [N]}
     * @throws UnsupportedOperationException if {@link #hasClosedFormKl()} is false
     */
    default INDArray klDivergence(INDArray mean, INDArray logVar, double scale,
                                  INDArray gradMean, INDArray gradLogVar) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no closed-form KL");
    }

    /**
     * @return parameters the prior learns itself; empty for a fixed prior. Their gradients come
     *         from {@link #logProbAndGradient}, so a prior with parameters has no closed-form KL
     */
    default List<Parameter> parameters() {
        return List.of();
    }
}
