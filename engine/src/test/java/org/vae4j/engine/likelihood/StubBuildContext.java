package org.vae4j.engine.likelihood;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.spi.BuildContext;

/**
 * A build context for tests of likelihoods, priors and schedules. Like the runner's while the
 * likelihood is built, it refuses {@link #likelihoodParameters()}.
 *
 * @param dataShape the per-example data shape
 * @param latentDim L
 * @param dataType  the floating-point type
 */
public record StubBuildContext(long[] dataShape, int latentDim, DataType dataType) implements BuildContext {

    /** @return a context for flat data of {@code dims} values */
    public static StubBuildContext flat(long dims, int latentDim, DataType dataType) {
        return new StubBuildContext(new long[] {dims}, latentDim, dataType);
    }

    @Override
    public int encoderOutputWidth() {
        return 2 * latentDim;
    }

    @Override
    public int likelihoodParameters() {
        throw new IllegalStateException("the likelihood is being built");
    }

    @Override
    public Random random() {
        return Nd4j.getRandomFactory().getNewRandomInstance(1);
    }
}
