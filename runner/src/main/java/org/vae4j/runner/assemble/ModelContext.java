package org.vae4j.runner.assemble;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.rng.Random;
import org.vae4j.api.spi.BuildContext;

/** The {@link BuildContext} the assembler hands to providers. */
final class ModelContext implements BuildContext {
    private final long[] dataShape;
    private final int latentDim;
    private final int encoderOutputWidth;
    private final Integer likelihoodParameters;
    private final DataType dataType;
    private final Random random;

    ModelContext(long[] dataShape, int latentDim, int encoderOutputWidth, Integer likelihoodParameters,
                 DataType dataType, Random random) {
        this.dataShape = dataShape.clone();
        this.latentDim = latentDim;
        this.encoderOutputWidth = encoderOutputWidth;
        this.likelihoodParameters = likelihoodParameters;
        this.dataType = dataType;
        this.random = random;
    }

    ModelContext withLikelihoodParameters(int p) {
        return new ModelContext(dataShape, latentDim, encoderOutputWidth, p, dataType, random);
    }

    @Override
    public long[] dataShape() {
        return dataShape.clone();
    }

    @Override
    public int latentDim() {
        return latentDim;
    }

    @Override
    public int encoderOutputWidth() {
        return encoderOutputWidth;
    }

    @Override
    public int likelihoodParameters() {
        if (likelihoodParameters == null) {
            throw new IllegalStateException("the likelihood's parameter count is not known while the likelihood is built");
        }
        return likelihoodParameters;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public Random random() {
        return random;
    }
}
