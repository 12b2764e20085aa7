package org.vae4j.plugins.zf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.spi.BuildContext;

/** Inputs, contexts and comparisons shared by the tests of this package. */
final class ZfTesting {
    private ZfTesting() {
    }

    static Random rng(long seed) {
        return Nd4j.getRandomFactory().getNewRandomInstance(seed);
    }

    /** Values uniform in [-1, 1]. */
    static INDArray uniform(DataType type, long seed, long... shape) {
        INDArray a = Nd4j.createUninitialized(type, shape, 'c');
        Nd4j.getExecutioner().exec(new UniformDistribution(a, -1.0, 1.0), rng(seed));
        return a;
    }

    /** Standard normal values, as {@code torch.randn}. */
    static INDArray randn(DataType type, long seed, long... shape) {
        INDArray a = Nd4j.createUninitialized(type, shape, 'c');
        Nd4j.getExecutioner().exec(new GaussianDistribution(a, 0.0, 1.0), rng(seed));
        return a;
    }

    /** Asserts same shape and every element within {@code tol} (absolute plus relative to the largest value). */
    static void assertClose(INDArray expected, INDArray actual, double tol) {
        assertArrayEquals(expected.shape(), actual.shape(), "shape");
        INDArray e = expected.castTo(DataType.DOUBLE);
        INDArray a = actual.castTo(DataType.DOUBLE);
        double scale = Math.max(1.0, e.amaxNumber().doubleValue());
        double worst = e.sub(a).amaxNumber().doubleValue();
        assertEquals(0.0, worst / scale, tol, "largest difference " + worst + " relative to " + scale);
    }

    /** A build context for images of a given shape. */
    record Context(long[] shape, int latentDim, int encoderOutputWidth, int likelihoodParameters, DataType dataType)
            implements BuildContext {
        static Context autoencoder(long[] shape, int latent) {
            return new Context(shape, latent, latent, 1, DataType.FLOAT);
        }

        static Context vae(long[] shape, int latent) {
            return new Context(shape, latent, 2 * latent, 1, DataType.FLOAT);
        }

        @Override
        public long[] dataShape() {
            return shape.clone();
        }

        @Override
        public Random random() {
            return rng(5);
        }
    }
}
