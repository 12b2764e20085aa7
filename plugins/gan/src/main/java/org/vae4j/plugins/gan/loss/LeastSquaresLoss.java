package org.vae4j.plugins.gan.loss;

/**
 * The least-squares GAN loss (Mao et al., 2017, equation 2 with a = 0, b = c = 1): the
 * discriminator regresses its output to 1 on real and 0 on generated examples,
 * {@code (D(x) - 1)^2 / 2 + D(G(z))^2 / 2}, and the generator pulls its samples' outputs to 1,
 * {@code (D(G(z)) - 1)^2 / 2}. The discriminator's output is used as it is, not as a logit.
 */
public final class LeastSquaresLoss implements GanLoss {

    @Override
    public String name() {
        return "least-squares";
    }

    @Override
    public double discriminatorLoss(double[] real, double[] fake, double[] gradReal, double[] gradFake) {
        double r = 0;
        for (int i = 0; i < real.length; i++) {
            double d = real[i] - 1;
            r += 0.5 * d * d;
            if (gradReal != null) {
                gradReal[i] = d / real.length;
            }
        }
        double f = 0;
        for (int i = 0; i < fake.length; i++) {
            f += 0.5 * fake[i] * fake[i];
            if (gradFake != null) {
                gradFake[i] = fake[i] / fake.length;
            }
        }
        return r / real.length + f / fake.length;
    }

    @Override
    public double generatorLoss(double[] fake, double[] gradFake) {
        double sum = 0;
        for (int i = 0; i < fake.length; i++) {
            double d = fake[i] - 1;
            sum += 0.5 * d * d;
            if (gradFake != null) {
                gradFake[i] = d / fake.length;
            }
        }
        return sum / fake.length;
    }

    @Override
    public double realness(double output) {
        return output;
    }
}
