package org.vae4j.engine.init;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How a weight array gets its first values, from its fan-in and fan-out.
 *
 * <p>{@link #PYTORCH} reproduces PyTorch's defaults for {@code nn.Linear} and {@code nn.Conv2d}
 * (Kaiming-uniform with a = sqrt 5, which is U(-1/sqrt(fanIn), 1/sqrt(fanIn)), and the same bound
 * for biases), so models compare like for like with the reference implementations.
 */
public enum Initializer {
    /** U(-1/sqrt(fanIn), +1/sqrt(fanIn)) for weights and biases: PyTorch's default. */
    PYTORCH,
    /** Glorot/Xavier uniform: U(-sqrt(6/(fanIn+fanOut)), +...); biases 0. */
    XAVIER,
    /** He/Kaiming normal for ReLU: N(0, 2/fanIn); biases 0. */
    HE;

    /**
     * Fills a weight array.
     *
     * @param w      the array, filled in place
     * @param fanIn  inputs per output unit
     * @param fanOut outputs per input unit
     * @param random the random stream
     */
    public void weights(INDArray w, long fanIn, long fanOut, Random random) {
        switch (this) {
            case PYTORCH -> uniform(w, 1.0 / Math.sqrt(fanIn), random);
            case XAVIER -> uniform(w, Math.sqrt(6.0 / (fanIn + fanOut)), random);
            case HE -> Nd4j.getExecutioner().exec(new GaussianDistribution(w, 0.0, Math.sqrt(2.0 / fanIn)), random);
            default -> throw new AssertionError(this);
        }
    }

    /**
     * Fills a bias array.
     *
     * @param b      the array, filled in place
     * @param fanIn  inputs per output unit
     * @param random the random stream
     */
    public void bias(INDArray b, long fanIn, Random random) {
        if (this == PYTORCH) {
            uniform(b, 1.0 / Math.sqrt(fanIn), random);
        } else {
            b.assign(0);
        }
    }

    private static void uniform(INDArray a, double bound, Random random) {
        Nd4j.getExecutioner().exec(new UniformDistribution(a, -bound, bound), random);
    }

    /**
     * @param name a name as written in a spec, case-insensitive
     * @return the initializer
     * @throws IllegalArgumentException naming the known ones
     */
    public static Initializer named(String name) {
        for (Initializer i : values()) {
            if (i.name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown initializer '" + name + "', known: pytorch, xavier, he");
    }
}
