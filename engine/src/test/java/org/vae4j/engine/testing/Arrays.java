package org.vae4j.engine.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/** Inputs and comparisons plugin tests share, in the plugin SDK's test jar. */
public final class Arrays {
    private Arrays() {
    }

    /** @return a fresh ND4J stream of the seed */
    public static Random rng(long seed) {
        return Nd4j.getRandomFactory().getNewRandomInstance(seed);
    }

    /** @return values uniform in [-1, 1] */
    public static INDArray uniform(DataType type, long seed, long... shape) {
        INDArray a = Nd4j.createUninitialized(type, shape, 'c');
        Nd4j.getExecutioner().exec(new UniformDistribution(a, -1.0, 1.0), rng(seed));
        return a;
    }

    /** @return standard normal values, as {@code torch.randn} */
    public static INDArray randn(DataType type, long seed, long... shape) {
        INDArray a = Nd4j.createUninitialized(type, shape, 'c');
        Nd4j.getExecutioner().exec(new GaussianDistribution(a, 0.0, 1.0), rng(seed));
        return a;
    }

    /** Asserts same shape and every element within {@code tol} (absolute plus relative to the largest value). */
    public static void assertClose(INDArray expected, INDArray actual, double tol) {
        assertArrayEquals(expected.shape(), actual.shape(), "shape");
        INDArray e = expected.castTo(DataType.DOUBLE);
        INDArray a = actual.castTo(DataType.DOUBLE);
        double scale = Math.max(1.0, e.amaxNumber().doubleValue());
        double worst = e.sub(a).amaxNumber().doubleValue();
        assertEquals(0.0, worst / scale, tol, "largest difference " + worst + " relative to " + scale);
    }
}
