package org.vae4j.plugins.gan.loss;

/**
 * The non-saturating GAN loss (Goodfellow et al., 2014, section 3): the discriminator minimizes
 * the cross-entropy of real versus generated, the generator minimizes {@code -log D(G(z))}, whose
 * gradient stays large while the discriminator still rejects its samples. This is torch_gan.py's
 * {@code bce(D(fake), 1)}.
 */
public final class NonSaturatingLoss implements GanLoss {

    @Override
    public String name() {
        return "non-saturating";
    }

    @Override
    public double discriminatorLoss(double[] real, double[] fake, double[] gradReal, double[] gradFake) {
        return LogisticLosses.discriminator(real, fake, gradReal, gradFake);
    }

    @Override
    public double generatorLoss(double[] fake, double[] gradFake) {
        double sum = 0;
        for (int i = 0; i < fake.length; i++) {
            sum += LogisticLosses.softplus(-fake[i]);
            if (gradFake != null) {
                gradFake[i] = (LogisticLosses.sigmoid(fake[i]) - 1) / fake.length;
            }
        }
        return sum / fake.length;
    }

    @Override
    public double realness(double output) {
        return LogisticLosses.sigmoid(output);
    }
}
