package org.vae4j.plugins.vae.model;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Decoder;
import org.vae4j.api.Encoder;
import org.vae4j.api.Layer;
import org.vae4j.api.Likelihood;
import org.vae4j.api.Prior;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Activations;
import org.vae4j.engine.layers.Dense;
import org.vae4j.engine.layers.Sequential;
import org.vae4j.api.data.Batch;
import org.vae4j.api.data.DataInfo;
import org.vae4j.engine.params.ModelParameters;
import org.vae4j.engine.params.ParameterStore;
import org.vae4j.plugins.vae.VaeModel;
import org.vae4j.plugins.vae.objective.AutoencoderObjective;
import org.vae4j.plugins.vae.objective.ElboObjective;
import org.vae4j.plugins.vae.objective.VaeObjective;
import org.vae4j.plugins.vae.prior.StandardNormalPrior;

/** Small encoders, decoders and priors for the model, optimizer, checkpoint and trainer tests. */
public final class TestModels {
    private TestModels() {
    }

    /** An engine {@link Sequential} that is an encoder. */
    public static final class TestEncoder extends Sequential implements Encoder {
        public TestEncoder(List<? extends Layer> layers) {
            super(layers);
        }
    }

    /** An engine {@link Sequential} that is a decoder. */
    public static final class TestDecoder extends Sequential implements Decoder {
        public TestDecoder(List<? extends Layer> layers) {
            super(layers);
        }
    }

    /**
     * The standard normal prior with its closed-form KL hidden, so the model must take the
     * single-sample Monte Carlo estimate {@code log q(z|x) - log p(z)}.
     */
    public static final class MonteCarloPrior implements Prior {
        private final StandardNormalPrior inner;

        public MonteCarloPrior(int latentDim, DataType type) {
            this.inner = new StandardNormalPrior(latentDim, type);
        }

        @Override
        public int latentDim() {
            return inner.latentDim();
        }

        @Override
        public INDArray logProb(INDArray z) {
            return inner.logProb(z);
        }

        @Override
        public INDArray logProbGradient(INDArray z) {
            return inner.logProbGradient(z);
        }

        @Override
        public INDArray sample(long n, Random random) {
            return inner.sample(n, random);
        }

        @Override
        public boolean hasClosedFormKl() {
            return false;
        }
    }

    /**
     * N(mean, I) with a learned mean, and no closed-form KL: a stand-in for the learned priors,
     * whose parameters get their gradient through {@link Prior#logProbAndGradient}.
     */
    public static final class ShiftedNormalPrior implements Prior {
        private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
        private final int latentDim;
        private final org.vae4j.api.Parameter mean;

        public ShiftedNormalPrior(int latentDim, DataType type) {
            this.latentDim = latentDim;
            this.mean = new org.vae4j.api.Parameter("mean", Nd4j.zeros(type, 1, latentDim));
        }

        @Override
        public int latentDim() {
            return latentDim;
        }

        @Override
        public INDArray logProb(INDArray z) {
            INDArray d = z.subRowVector(mean.value());
            return d.mul(d).sum(1).muli(-0.5).subi(latentDim * HALF_LOG_2PI);
        }

        @Override
        public INDArray logProbGradient(INDArray z) {
            return z.subRowVector(mean.value()).negi();
        }

        @Override
        public INDArray logProbAndGradient(INDArray z, double scale, INDArray gradZ) {
            INDArray d = z.subRowVector(mean.value());
            gradZ.assign(d).muli(-scale);
            // d log p / d mean = sum_n (z_n - mean)
            mean.gradient().addi(d.sum(0).reshape(1, latentDim).muli(scale));
            return logProb(z);
        }

        @Override
        public INDArray sample(long n, Random random) {
            INDArray out = Nd4j.createUninitialized(mean.value().dataType(), n, latentDim);
            Nd4j.getExecutioner().exec(new GaussianDistribution(out, 0.0, 1.0), random);
            return out.addiRowVector(mean.value());
        }

        @Override
        public List<org.vae4j.api.Parameter> parameters() {
            return List.of(mean);
        }
    }

    /**
     * Dense layers {@code in -> hidden... -> out} with {@code activation} between them, in DOUBLE.
     */
    public static List<Layer> mlp(long in, int[] hidden, long out, String activation, Random random) {
        return mlp(in, hidden, out, activation, random, DataType.DOUBLE);
    }

    /** The same in the given floating-point type. */
    public static List<Layer> mlp(long in, int[] hidden, long out, String activation, Random random, DataType type) {
        List<Layer> layers = new ArrayList<>();
        long width = in;
        for (int h : hidden) {
            layers.add(new Dense(width, h, Initializer.PYTORCH, type, random));
            layers.add(Activations.named(activation, h));
            width = h;
        }
        layers.add(new Dense(width, out, Initializer.PYTORCH, type, random));
        return layers;
    }

    /**
     * A small MLP VAE (or autoencoder) in DOUBLE: encoder {@code D -> hidden -> 2L} (or L) with
     * tanh, decoder {@code L -> hidden -> P*D} with GELU, weights drawn from {@code seed}.
     */
    public static VaeModel mlpVae(long seed, int d, int hidden, int latent, Likelihood likelihood,
                                  Prior prior, boolean variational) {
        return mlpVae(seed, d, hidden, latent, likelihood, prior, variational, DataType.DOUBLE);
    }

    /** The same in the given floating-point type. */
    public static VaeModel mlpVae(long seed, int d, int hidden, int latent, Likelihood likelihood,
                                  Prior prior, boolean variational, DataType type) {
        Random r = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        TestEncoder encoder = new TestEncoder(mlp(d, new int[] {hidden}, variational ? 2L * latent : latent, "tanh", r, type));
        TestDecoder decoder = new TestDecoder(mlp(latent, new int[] {hidden},
                (long) likelihood.parametersPerDimension() * d, "gelu", r, type));
        VaeObjective objective = variational ? new ElboObjective(p -> 1.0) : new AutoencoderObjective();
        return new VaeModel(encoder, decoder, prior, likelihood, objective, data(d), type);
    }

    /**
     * @param d values per example
     * @return intensities in [0, 1] of d values, as a test's data
     */
    public static DataInfo data(long d) {
        return new DataInfo("test", new long[] {d}, DataInfo.SCALE, 0, DataInfo.SAME, List.of());
    }

    /**
     * @param x an input that is also the target
     * @return a batch of it
     */
    public static Batch batch(INDArray x) {
        return batch(x, x);
    }

    /**
     * @param x input
     * @param target target
     * @return a batch of them, labels 0, indices 0..n-1
     */
    public static Batch batch(INDArray x, INDArray target) {
        int n = (int) x.size(0);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return new Batch(x, target, new int[n], idx);
    }

    /**
     * A VAE batch's sums, as tests read them.
     *
     * @param reconstruction sum of -log p(x|z)
     * @param kl             sum of the KL (0 for an autoencoder)
     * @param examples       the examples
     */
    public record Sums(double reconstruction, double kl, long examples) {
        static Sums of(org.vae4j.api.model.Metrics m) {
            return new Sums(m.sum("reconstruction"), m.has("kl") ? m.sum("kl") : 0, m.count("reconstruction"));
        }

        /** @return the mean negative ELBO per example */
        public double meanNegativeElbo() {
            return (reconstruction + kl) / examples;
        }

        /** @return the mean reconstruction term per example */
        public double meanReconstruction() {
            return reconstruction / examples;
        }

        /** @return the mean KL per example */
        public double meanKl() {
            return kl / examples;
        }
    }

    /**
     * The model's evaluation of one batch.
     *
     * @return its sums
     */
    public static Sums evaluate(VaeModel model, INDArray x, INDArray target, Random random) {
        return Sums.of(model.evaluate(batch(x, target), random));
    }

    /**
     * One training step of the model's objective, its gradients zeroed first as the engine does.
     *
     * @return its sums
     */
    public static Sums trainStep(VaeModel model, INDArray x, INDArray target, double beta, Random random) {
        return Sums.of(model.trainStep(batch(x, target), beta, random));
    }

    /** The store of a model's one parameter group, its parameters made views into it. */
    public static ParameterStore parameters(VaeModel model) {
        return ModelParameters.of(model, model.dataType()).group(VaeModel.GROUP);
    }

    /**
     * @return the noise the model draws for a batch of {@code n} codes from a fresh stream seeded
     *         with {@code seed}: the same call the model makes, so the same numbers
     */
    public static INDArray noise(long seed, long n, int latent) {
        INDArray e = Nd4j.createUninitialized(DataType.DOUBLE, n, latent);
        try (org.vae4j.engine.random.SeededRandom r = new org.vae4j.engine.random.SeededRandom(seed)) {
            Nd4j.getExecutioner().exec(new GaussianDistribution(e, 0.0, 1.0), r.get());
        }
        return e;
    }

    /** @return uniform values in [0, 1), {@code [n, d]}, drawn from {@code seed} */
    public static INDArray uniformData(long seed, long n, long d) {
        INDArray x = Nd4j.createUninitialized(DataType.DOUBLE, n, d);
        Nd4j.getExecutioner().exec(new UniformDistribution(x, 0.0, 1.0), Nd4j.getRandomFactory().getNewRandomInstance(seed));
        return x;
    }

    /**
     * The exact negative log-likelihood of the linear Gaussian model x = w z + b + noise, z ~ N(0, 1),
     * noise ~ N(0, s^2 I): -log N(x; b, w w^T + s^2 I) for a 2-D x, by the 2x2 determinant and inverse.
     */
    public static double linearGaussianNll(double x0, double x1, double[] w, double[] b, double s) {
        double c00 = w[0] * w[0] + s * s;
        double c11 = w[1] * w[1] + s * s;
        double c01 = w[0] * w[1];
        double det = c00 * c11 - c01 * c01;
        double d0 = x0 - b[0];
        double d1 = x1 - b[1];
        double quad = (c11 * d0 * d0 - 2 * c01 * d0 * d1 + c00 * d1 * d1) / det;
        return Math.log(2 * Math.PI) + 0.5 * Math.log(det) + 0.5 * quad;
    }
}
