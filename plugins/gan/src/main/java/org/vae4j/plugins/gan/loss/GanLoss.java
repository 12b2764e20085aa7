package org.vae4j.plugins.gan.loss;

import org.vae4j.api.spi.ComponentKind;

/**
 * The losses of a GAN's two players, from the discriminator's outputs (one per example). Losses
 * are means over the examples, as PyTorch's {@code binary_cross_entropy_with_logits} gives them,
 * and gradients are those of the means.
 */
@ComponentKind("gan-loss")
public interface GanLoss {

    /** @return the name, e.g. {@code non-saturating} */
    String name();

    /**
     * The discriminator's loss on a batch of real and one of generated examples.
     *
     * @param real     the discriminator's outputs on real examples
     * @param fake     its outputs on generated ones
     * @param gradReal where to write dLoss/dReal, or null
     * @param gradFake where to write dLoss/dFake, or null
     * @return the loss: its mean over the real examples plus its mean over the generated ones
     */
    double discriminatorLoss(double[] real, double[] fake, double[] gradReal, double[] gradFake);

    /**
     * The generator's loss on a batch of generated examples.
     *
     * @param fake     the discriminator's outputs on them
     * @param gradFake where to write dLoss/dFake, or null
     * @return the mean loss
     */
    double generatorLoss(double[] fake, double[] gradFake);

    /**
     * @param output the discriminator's output on one example
     * @return what reports show as D(x): the probability that the example is real for losses on
     *         logits, the output itself for least squares (where 1 means real, 0 generated)
     */
    double realness(double output);
}
