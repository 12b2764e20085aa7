package org.vae4j.engine.model;

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
import org.vae4j.engine.prior.StandardNormalPrior;

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
    public static VariationalAutoencoder mlpVae(long seed, int d, int hidden, int latent, Likelihood likelihood,
                                                Prior prior, boolean variational) {
        return mlpVae(seed, d, hidden, latent, likelihood, prior, variational, DataType.DOUBLE);
    }

    /** The same in the given floating-point type. */
    public static VariationalAutoencoder mlpVae(long seed, int d, int hidden, int latent, Likelihood likelihood,
                                                Prior prior, boolean variational, DataType type) {
        Random r = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        TestEncoder encoder = new TestEncoder(mlp(d, new int[] {hidden}, variational ? 2L * latent : latent, "tanh", r, type));
        TestDecoder decoder = new TestDecoder(mlp(latent, new int[] {hidden},
                (long) likelihood.parametersPerDimension() * d, "gelu", r, type));
        return new VariationalAutoencoder(encoder, decoder, prior, likelihood, variational, type);
    }

    /**
     * @return the noise the model draws for a batch of {@code n} codes from a fresh stream seeded
     *         with {@code seed}: the same call the model makes, so the same numbers
     */
    public static INDArray noise(long seed, long n, int latent) {
        INDArray e = Nd4j.createUninitialized(DataType.DOUBLE, n, latent);
        try (org.vae4j.engine.train.SeededRandom r = new org.vae4j.engine.train.SeededRandom(seed)) {
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
}
