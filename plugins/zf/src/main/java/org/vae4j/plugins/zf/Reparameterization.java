package org.vae4j.plugins.zf;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vae4j.engine.prior.StandardNormalPrior;

/**
 * Seed 004's {@code VariationalAutoEncoder.sample} and {@code regularisation} as functions:
 * the reparameterized draw {@code z = mean + exp(logVar / 2) * eps}, eps ~ N(0, I), with its
 * backward pass (the draw is a differentiable function of mean and logVar for a fixed eps), and
 * the KL divergence to the standard normal prior. The engine's
 * {@link org.vae4j.engine.model.VariationalAutoencoder} does the same inside its training step.
 */
public final class Reparameterization {
    private Reparameterization() {
    }

    /**
     * One reparameterized draw and what its backward pass needs.
     *
     * @param z   the draw {@code [N, L]}
     * @param eps the standard normal noise used
     * @param std {@code exp(logVar / 2)}
     */
    public record Sample(INDArray z, INDArray eps, INDArray std) {
        /**
         * @param gradZ dLoss/dz {@code [N, L]}
         * @return dLoss/dmean {@code = gradZ} and dLoss/dlogVar {@code = gradZ * eps * std / 2}
         */
        public Gradients backward(INDArray gradZ) {
            return new Gradients(gradZ.dup(), gradZ.mul(eps).muli(std).muli(0.5));
        }
    }

    /**
     * Gradients with respect to the posterior parameters.
     *
     * @param mean   dLoss/dmean
     * @param logVar dLoss/dlogVar
     */
    public record Gradients(INDArray mean, INDArray logVar) {
    }

    /**
     * @param mean   {@code [N, L]}
     * @param logVar {@code [N, L]}
     * @param random the stream of the noise
     * @return z = mean + exp(logVar / 2) * eps and the noise
     */
    public static Sample sample(INDArray mean, INDArray logVar, Random random) {
        if (!Arrays.equals(mean.shape(), logVar.shape())) {
            throw new IllegalArgumentException("mean " + Arrays.toString(mean.shape()) + " and logVar "
                    + Arrays.toString(logVar.shape()) + " differ in shape");
        }
        INDArray eps = mean.ulike();
        Nd4j.getExecutioner().exec(new GaussianDistribution(eps, 0.0, 1.0), random);
        INDArray std = Transforms.exp(logVar.mul(0.5), false);
        return new Sample(std.mul(eps).addi(mean), eps, std);
    }

    /**
     * Seed 004's {@code regularisation}: KL(N(mean, exp(logVar)) || N(0, I)) summed over the
     * latent dimensions, {@code 0.5 sum_j (exp(lv_j) - lv_j - 1 + m_j^2)}.
     *
     * @param mean   {@code [N, L]}
     * @param logVar {@code [N, L]}
     * @return the KL of each example, {@code [N]}
     */
    public static INDArray regularisation(INDArray mean, INDArray logVar) {
        StandardNormalPrior prior = new StandardNormalPrior(Math.toIntExact(mean.size(1)), mean.dataType());
        return prior.klDivergence(mean, logVar, 1.0, null, null).dup();
    }
}
