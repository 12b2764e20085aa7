package org.vae4j.plugins.gan.loss;

/** Binary cross-entropy on logits, computed so that no exponential overflows. */
final class LogisticLosses {
    private LogisticLosses() {
    }

    /** @return log(1 + exp(x)), = -log(1 - sigmoid(x)); -log(sigmoid(x)) is softplus(-x) */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /**
     * The discriminator's cross-entropy: mean of -log D(real) plus mean of -log(1 - D(fake)).
     */
    static double discriminator(double[] real, double[] fake, double[] gradReal, double[] gradFake) {
        double r = 0;
        for (int i = 0; i < real.length; i++) {
            r += softplus(-real[i]);
            if (gradReal != null) {
                gradReal[i] = (sigmoid(real[i]) - 1) / real.length;
            }
        }
        double f = 0;
        for (int i = 0; i < fake.length; i++) {
            f += softplus(fake[i]);
            if (gradFake != null) {
                gradFake[i] = sigmoid(fake[i]) / fake.length;
            }
        }
        return r / real.length + f / fake.length;
    }
}
