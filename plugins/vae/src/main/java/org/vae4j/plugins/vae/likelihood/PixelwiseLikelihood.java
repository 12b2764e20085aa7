package org.vae4j.plugins.vae.likelihood;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Likelihood;

/**
 * A likelihood of independent pixels with one decoder output per pixel (P = 1), computed on the
 * host in double precision from a per-pixel log-density and its derivative. Subclasses give
 * those, the mean and the pictures.
 */
abstract class PixelwiseLikelihood implements Likelihood {
    private final long dims;
    private final String name;

    PixelwiseLikelihood(long dims, String name) {
        if (dims < 1) {
            throw new IllegalArgumentException("dimensions must be >= 1, got " + dims);
        }
        this.dims = dims;
        this.name = name;
    }

    /** @return D, the number of data dimensions */
    public final long dimensions() {
        return dims;
    }

    @Override
    public final int parametersPerDimension() {
        return 1;
    }

    /**
     * @param x  a data value
     * @param mu the decoder's output for it
     * @return log p(x | mu)
     */
    abstract double logDensity(double x, double mu);

    /**
     * @param x  a data value
     * @param mu the decoder's output for it
     * @return d log p(x | mu) / d mu
     */
    abstract double derivative(double x, double mu);

    /**
     * @param mu     a decoder output
     * @param random a uniform draw in (0, 1) and, if needed, more from {@code random}
     * @return a draw of x
     */
    abstract double draw(double mu, java.util.Random random);

    /**
     * @param mu a decoder output
     * @return the mean of p(x | mu), in data units
     */
    abstract double meanOf(double mu);

    @Override
    public final INDArray logProb(INDArray x, INDArray params) {
        return compute(x, params, 0, null);
    }

    @Override
    public final INDArray logProbAndGradient(INDArray x, INDArray params, double scale, INDArray gradient) {
        if (!Arrays.equals(gradient.shape(), params.shape())) {
            throw new IllegalArgumentException(name + " expects a gradient array shaped like the parameters "
                    + Arrays.toString(params.shape()) + ", got " + Arrays.toString(gradient.shape()));
        }
        return compute(x, params, scale, gradient);
    }

    private INDArray compute(INDArray x, INDArray params, double scale, INDArray gradient) {
        checkParams(params);
        if (x.rank() != 2 || x.size(1) != dims || x.size(0) != params.size(0)) {
            throw new IllegalArgumentException(name + " expects data [" + params.size(0) + ", " + dims
                    + "] to match parameters " + Arrays.toString(params.shape()) + ", got " + Arrays.toString(x.shape()));
        }
        double[] xs = host(x);
        double[] mus = host(params);
        int n = Math.toIntExact(params.size(0));
        int d = Math.toIntExact(dims);
        double[] sums = new double[n];
        double[] grad = gradient == null ? null : new double[xs.length];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = i * d; j < (i + 1) * d; j++) {
                s += logDensity(xs[j], mus[j]);
                if (grad != null) {
                    grad[j] = scale * derivative(xs[j], mus[j]);
                }
            }
            sums[i] = s;
        }
        if (grad != null) {
            gradient.assign(Nd4j.create(grad, params.shape(), 'c').castTo(gradient.dataType()));
        }
        return Nd4j.createFromArray(sums).castTo(params.dataType());
    }

    @Override
    public final INDArray sample(INDArray params, Random random) {
        checkParams(params);
        double[] mus = host(params);
        // one seed from the given stream keeps draws reproducible from the caller's seed
        java.util.Random r = new java.util.Random(random.nextLong());
        double[] out = new double[mus.length];
        for (int i = 0; i < mus.length; i++) {
            out[i] = draw(mus[i], r);
        }
        return Nd4j.create(out, params.shape(), 'c').castTo(params.dataType());
    }

    @Override
    public final INDArray mean(INDArray params) {
        checkParams(params);
        double[] mus = host(params);
        double[] out = new double[mus.length];
        for (int i = 0; i < mus.length; i++) {
            out[i] = meanOf(mus[i]);
        }
        return Nd4j.create(out, params.shape(), 'c').castTo(params.dataType());
    }

    final void checkParams(INDArray params) {
        if (params.rank() != 2 || params.size(1) != dims) {
            throw new IllegalArgumentException(name + " expects parameters [N, " + dims + "], got "
                    + Arrays.toString(params.shape()));
        }
    }

    static double[] host(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
