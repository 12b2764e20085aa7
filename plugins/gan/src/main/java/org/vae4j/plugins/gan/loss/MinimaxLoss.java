package org.vae4j.plugins.gan.loss;

/**
 * The original minimax GAN loss (Goodfellow et al., 2014, equation 1): the generator minimizes
 * {@code log(1 - D(G(z)))}, the negative of the discriminator's loss on its samples. Its gradient
 * vanishes while the discriminator confidently rejects the samples, which is why the
 * non-saturating loss is the default; it is here to show that.
 */
public final class MinimaxLoss implements GanLoss {

    @Override
    public String name() {
        return "minimax";
    }

    @Override
    public double discriminatorLoss(double[] real, double[] fake, double[] gradReal, double[] gradFake) {
        return LogisticLosses.discriminator(real, fake, gradReal, gradFake);
    }

    @Override
    public double generatorLoss(double[] fake, double[] gradFake) {
        double sum = 0;
        for (int i = 0; i < fake.length; i++) {
            sum -= LogisticLosses.softplus(fake[i]);
            if (gradFake != null) {
                gradFake[i] = -LogisticLosses.sigmoid(fake[i]) / fake.length;
            }
        }
        return sum / fake.length;
    }

    @Override
    public double realness(double output) {
        return LogisticLosses.sigmoid(output);
    }
}
