package org.vae4j.plugins.vae.prior;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Prior;

/**
 * The standard normal prior N(0, I) over an {@code L}-dimensional latent space, with the KL
 * divergence of a diagonal Gaussian in closed form (Kingma and Welling 2013, appendix B):
 * {@code KL(N(m, exp(lv)) || N(0, I)) = -0.5 sum_j (1 + lv_j - m_j^2 - exp(lv_j))}.
 *
 * <p>Not thread-safe; the array returned by {@link #klDivergence} is a scratch buffer
 * overwritten by the next call.
 */
public final class StandardNormalPrior implements Prior {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final int latentDim;
    private final DataType dataType;

    /* scratch arrays for klDivergence, re-allocated when N or the data type changes */
    private INDArray variance;     // [N, L]: exp(lv), then the summand
    private INDArray meanSquared;  // [N, L]
    private INDArray rowSums;      // [N]

    /**
     * @param latentDim L, the latent dimension
     * @param dataType  the type of the codes {@link #sample} draws
     */
    public StandardNormalPrior(int latentDim, DataType dataType) {
        if (latentDim < 1) {
            throw new IllegalArgumentException("latent dimension must be >= 1, got " + latentDim);
        }
        this.latentDim = latentDim;
        this.dataType = dataType;
    }

    @Override
    public int latentDim() {
        return latentDim;
    }

    /** @return {@code -0.5 sum_j z_j^2 - (L/2) log(2 pi)} per row */
    @Override
    public INDArray logProb(INDArray z) {
        requireLatent(z, "z");
        return z.mul(z).sum(1).muli(-0.5).subi(latentDim * HALF_LOG_2PI);
    }

    /** @return {@code -z} */
    @Override
    public INDArray logProbGradient(INDArray z) {
        requireLatent(z, "z");
        return z.neg();
    }

    @Override
    public INDArray sample(long n, Random random) {
        INDArray out = Nd4j.createUninitialized(dataType, n, latentDim);
        Nd4j.getExecutioner().exec(new GaussianDistribution(out, 0.0, 1.0), random);
        return out;
    }

    @Override
    public boolean hasClosedFormKl() {
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The gradients are {@code scale * m} and {@code scale * 0.5 (exp(lv) - 1)}. {@code mean},
     * {@code logVar} and the gradient arrays may be column slices of wider arrays (the two halves
     * of an encoder output). The returned array is a scratch buffer overwritten by the next call.
     */
    @Override
    public INDArray klDivergence(INDArray mean, INDArray logVar, double scale,
                                 INDArray gradMean, INDArray gradLogVar) {
        requireLatent(mean, "mean");
        requireLatent(logVar, "logVar");
        if (mean.size(0) != logVar.size(0) || mean.dataType() != logVar.dataType()) {
            throw new IllegalArgumentException("mean " + Arrays.toString(mean.shape()) + " " + mean.dataType()
                    + " and logVar " + Arrays.toString(logVar.shape()) + " " + logVar.dataType() + " differ");
        }
        ensureBuffers(mean.size(0), mean.dataType());
        Nd4j.exec(new Exp(logVar, variance));
        if (gradLogVar != null) {
            variance.sub(1.0, gradLogVar).muli(0.5 * scale);
        }
        if (gradMean != null) {
            mean.mul(scale, gradMean);
        }
        mean.mul(mean, meanSquared);
        // 0.5 sum_j (exp(lv) - lv - 1 + m^2)
        variance.subi(logVar).subi(1.0).addi(meanSquared).sum(rowSums, 1);
        return rowSums.muli(0.5);
    }

    @Override
    public String toString() {
        return "StandardNormal(L=" + latentDim + ")";
    }

    private void requireLatent(INDArray a, String what) {
        if (a.rank() != 2 || a.size(1) != latentDim) {
            throw new IllegalArgumentException(what + " must be [N, " + latentDim + "], got "
                    + Arrays.toString(a.shape()));
        }
    }

    private void ensureBuffers(long n, DataType type) {
        if (variance == null || variance.size(0) != n || variance.dataType() != type) {
            variance = Nd4j.createUninitialized(type, n, latentDim);
            meanSquared = Nd4j.createUninitialized(type, n, latentDim);
            rowSums = Nd4j.createUninitialized(type, n);
        }
    }
}
