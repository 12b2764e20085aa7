package org.vae4j.plugins.gan;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Prior;

/** N(0, I) for the tests, so that the plugin's tests need no other plugin. */
final class GaussianTestPrior implements Prior {
    private final int latentDim;
    private final DataType type;

    GaussianTestPrior(int latentDim, DataType type) {
        this.latentDim = latentDim;
        this.type = type;
    }

    @Override
    public int latentDim() {
        return latentDim;
    }

    @Override
    public INDArray logProb(INDArray z) {
        return z.mul(z).addi(Math.log(2 * Math.PI)).muli(-0.5).sum(1);
    }

    @Override
    public INDArray logProbGradient(INDArray z) {
        return z.neg();
    }

    @Override
    public INDArray sample(long n, Random random) {
        INDArray out = Nd4j.createUninitialized(type, n, latentDim);
        Nd4j.getExecutioner().exec(new GaussianDistribution(out, 0.0, 1.0), random);
        return out;
    }
}
