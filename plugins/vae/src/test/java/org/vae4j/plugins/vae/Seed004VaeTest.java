package org.vae4j.plugins.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.engine.testing.Arrays.rng;
import static org.vae4j.engine.testing.Arrays.uniform;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vae4j.api.Decoder;
import org.vae4j.api.Encoder;
import org.vae4j.api.Layer;
import org.vae4j.api.Parameter;
import org.vae4j.engine.gradcheck.GradientCheck;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Dense;
import org.vae4j.engine.layers.ELU;
import org.vae4j.engine.layers.Sequential;
import org.vae4j.api.Pass;
import org.vae4j.engine.params.ModelParameters;
import org.vae4j.plugins.vae.likelihood.BernoulliLikelihood;
import org.vae4j.plugins.vae.model.TestModels;
import org.vae4j.plugins.vae.objective.ElboObjective;
import org.vae4j.plugins.vae.prior.StandardNormalPrior;

/**
 * Seed 004, exercises 5 and 6: the VAE's reparameterized sample, its regularisation, its
 * stochastic forward pass, and the regularised loss {@code reconstruction + weight x regularisation},
 * which is the VAE family's ELBO objective with beta as the weight.
 */
class Seed004VaeTest {

    /** An encoder that remembers the gradient it receives, to see what reaches mean and log-variance. */
    static final class SpyEncoder extends Sequential implements Encoder {
        INDArray received;

        SpyEncoder(List<Layer> layers) {
            super(layers);
        }

        @Override
        public INDArray backward(INDArray gradOutput, Pass pass, boolean needInputGradient) {
            received = gradOutput.dup();
            return super.backward(gradOutput, pass, needInputGradient);
        }
    }

    static final class Dec extends Sequential implements Decoder {
        Dec(List<Layer> layers) {
            super(layers);
        }
    }

    /** Seed 004's exercise-5 test VAE: encoder 784-400-20, decoder 10-400-784 with ELUs. */
    private static VaeModel seedVae(DataType t) {
        Random r = rng(9);
        SpyEncoder enc = new SpyEncoder(List.of(new Dense(784, 400, Initializer.PYTORCH, t, r), new ELU(1.0, 400),
                new Dense(400, 20, Initializer.PYTORCH, t, r)));
        Dec dec = new Dec(List.of(new ELU(1.0, 10), new Dense(10, 400, Initializer.PYTORCH, t, r), new ELU(1.0, 400),
                new Dense(400, 784, Initializer.PYTORCH, t, r)));
        return vae(enc, dec, 10, 784, t);
    }

    private static VaeModel vae(Encoder enc, Decoder dec, int latent, int d, DataType t) {
        VaeModel m = new VaeModel(enc, dec, new StandardNormalPrior(latent, t), new BernoulliLikelihood(d),
                new ElboObjective(p -> 1.0), TestModels.data(d), t);
        ModelParameters.of(m, t).groups().values().forEach(g -> g.zeroGradients());
        return m;
    }

    /** The encoder output {@code [mean | logVar]} a draw is made from. */
    private static INDArray posterior(INDArray mean, INDArray logVar) {
        return Nd4j.hstack(mean, logVar);
    }

    /** Seed 004: {@code sample(ones(1024, 10), zeros(1024, 10))} has the mean's shape and a mean within 0.1 of 1. */
    @Test
    void sampleHasTheMeansShapeAndMean() {
        INDArray mean = Nd4j.ones(DataType.FLOAT, 1024, 10);
        INDArray logVar = Nd4j.zeros(DataType.FLOAT, 1024, 10);
        INDArray z = seedVae(DataType.FLOAT).sampleCode(posterior(mean, logVar), rng(1)).z();
        assertArrayEquals(mean.shape(), z.shape());
        INDArray columnMeans = z.mean(0);
        for (int j = 0; j < 10; j++) {
            assertEquals(1.0, columnMeans.getDouble(j), 0.1, "column " + j);
        }
    }

    /**
     * Seed 004: the sample requires grad (reparameterization). For a fixed noise, z is a
     * differentiable function of mean and log-variance, and the backward pass matches central differences.
     */
    @Test
    void sampleIsDifferentiableInMeanAndLogVariance() {
        INDArray mean = uniform(DataType.DOUBLE, 1, 5, 4);
        INDArray logVar = uniform(DataType.DOUBLE, 2, 5, 4);
        VaeModel model = TestModels.mlpVae(3, 6, 5, 4, new BernoulliLikelihood(6), new StandardNormalPrior(4,
                DataType.DOUBLE), true);
        VaeModel.Draw s = model.sampleCode(posterior(mean, logVar), rng(3));
        INDArray r = uniform(DataType.DOUBLE, 4, 5, 4);
        INDArray gMean = Nd4j.zeros(DataType.DOUBLE, 5, 4);
        INDArray gLogVar = Nd4j.zeros(DataType.DOUBLE, 5, 4);
        model.backwardThroughDraw(s, r, gMean, gLogVar);
        INDArray eps = s.eps().dup();
        java.util.function.DoubleSupplier loss = () -> Nd4j.math().exp(logVar.mul(0.5)).muli(eps).addi(mean)
                .muli(r).sumNumber().doubleValue();
        assertTrue(GradientCheck.compare(loss, mean, gMean, 1e-6).relativeError() < 1e-7);
        assertTrue(GradientCheck.compare(loss, logVar, gLogVar, 1e-6).relativeError() < 1e-7);
        assertTrue(gLogVar.amaxNumber().doubleValue() > 0, "the log-variance receives a gradient");
    }

    /**
     * The ELBO objective's training step reparameterizes: with beta = 0 (no KL gradient at all),
     * the gradient reaching the encoder's log-variance outputs comes through z alone and is not zero.
     */
    @Test
    void theEnginesTrainingStepPassesGradientThroughTheSampleToTheLogVariance() {
        VaeModel vae = seedVae(DataType.FLOAT);
        INDArray x = uniform(DataType.FLOAT, 13, 8, 784).addi(1).muli(0.5);
        vae.trainStep(TestModels.batch(x), 0.0, rng(4));
        INDArray received = ((SpyEncoder) vae.encoder()).received;
        INDArray gMean = received.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 10));
        INDArray gLogVar = received.get(NDArrayIndex.all(), NDArrayIndex.interval(10, 20));
        assertTrue(gMean.amaxNumber().doubleValue() > 0);
        assertTrue(gLogVar.amaxNumber().doubleValue() > 0);
    }

    /** Seed 004: the regulariser is 0 for mean 0, log-variance 0, and 5 for mean 1 over 10 dimensions. */
    @Test
    void regularisationIsZeroAtThePriorAndFiveForAShiftedMean() {
        INDArray mean = Nd4j.zeros(DataType.FLOAT, 1, 10);
        INDArray logVar = Nd4j.zeros(DataType.FLOAT, 1, 10);
        VaeModel vae = seedVae(DataType.FLOAT);
        INDArray at = posterior(mean, logVar);
        assertEquals(0.0, vae.kl(at, vae.sampleCode(at, rng(2))).getDouble(0), 1e-7);
        INDArray shifted = posterior(mean.add(1), logVar);
        assertEquals(5.0, vae.kl(shifted, vae.sampleCode(shifted, rng(2))).getDouble(0), 1e-6);
    }

    /** Seed 004: {@code y, pars = vae(ones(1, 784))}: y has x's shape, mean and log-variance the same shape. */
    @Test
    void forwardGivesLogitsOfTheInputsShapeAndParametersOfEqualShape() {
        VaeModel vae = seedVae(DataType.FLOAT);
        INDArray x = Nd4j.ones(DataType.FLOAT, 1, 784);
        INDArray h = vae.encoder().forward(x, Pass.inference());
        INDArray logits = vae.decodeParameters(vae.sampleCode(h, rng(5)).z());
        assertArrayEquals(x.shape(), logits.shape());
        assertArrayEquals(vae.mean(h).shape(), vae.logVar(h).shape());
        assertArrayEquals(new long[] {1, 10}, vae.mean(h).shape());
    }

    /** Seed 004: two forward passes on the same x differ. */
    @Test
    void theForwardPassIsStochastic() {
        VaeModel vae = seedVae(DataType.FLOAT);
        INDArray x = Nd4j.ones(DataType.FLOAT, 1, 784);
        Random r = rng(6);
        INDArray h = vae.encoder().forward(x, Pass.inference()).dup();
        INDArray y1 = vae.decodeParameters(vae.sampleCode(h, r).z());
        INDArray y2 = vae.decodeParameters(vae.sampleCode(h, r).z());
        assertFalse(y1.equalsWithEps(y2, 1e-6), "two passes gave the same logits");
    }

    /** Seed 004's {@code generate(mean, log_var)} decodes draws to pictures in [0, 1]. */
    @Test
    void generateDecodesToIntensities() {
        VaeModel vae = seedVae(DataType.FLOAT);
        for (INDArray mean : List.of(Nd4j.zeros(DataType.FLOAT, 10, 10), Nd4j.ones(DataType.FLOAT, 10, 10))) {
            INDArray z = vae.sampleCode(posterior(mean, Nd4j.zeros(DataType.FLOAT, 10, 10)), rng(7)).z();
            INDArray pics = vae.decode(z);
            assertArrayEquals(new long[] {10, 784}, pics.shape());
            assertTrue(pics.minNumber().doubleValue() >= 0 && pics.maxNumber().doubleValue() <= 1);
        }
    }

    /**
     * Seed 004's {@code RegularisedLoss(loss, regulariser, weight)} with {@code split_loss} is the
     * engine's objective: a step minimizes {@code (reconstruction + beta x KL) / N} and reports the
     * two parts (metrics.csv's reconstruction and KL columns). The gradient of a step with
     * beta = 0.3 matches central differences of exactly that sum, built from the parts.
     */
    @Test
    void theRegularisedLossIsReconstructionPlusWeightTimesKlWithBothPartsReported() {
        DataType t = DataType.DOUBLE;
        Random init = rng(10);
        SpyEncoder enc = new SpyEncoder(List.of(new Dense(6, 5, Initializer.PYTORCH, t, init), new ELU(1.0, 5),
                new Dense(5, 4, Initializer.PYTORCH, t, init)));
        Dec dec = new Dec(List.of(new Dense(2, 6, Initializer.PYTORCH, t, init)));
        VaeModel vae = vae(enc, dec, 2, 6, t);
        INDArray x = uniform(t, 12, 3, 6).addi(1).muli(0.5);
        double weight = 0.3;
        TestModels.Sums step = TestModels.trainStep(vae, x, x, weight, rng(11));
        assertTrue(step.reconstruction() > 0 && step.kl() > 0);
        java.util.function.DoubleSupplier regularised = () -> {
            TestModels.Sums parts = TestModels.evaluate(vae, x, x, rng(11));
            return (parts.reconstruction() + weight * parts.kl()) / parts.examples();
        };
        assertEquals((step.reconstruction() + weight * step.kl()) / 3, regularised.getAsDouble(), 1e-12);
        for (Parameter p : GradientCheck.allParameters(enc)) {
            INDArray analytic = p.gradient().dup();
            GradientCheck.Result r = GradientCheck.compare(regularised, p.value(), analytic, 1e-6);
            assertTrue(r.relativeError() < 1e-5, p + ": " + r);
        }
    }
}
