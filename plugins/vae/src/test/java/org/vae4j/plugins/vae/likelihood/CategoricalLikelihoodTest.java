package org.vae4j.plugins.vae.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.plugins.vae.likelihood.LikelihoodAssertions.assertClose;
import static org.vae4j.plugins.vae.likelihood.LikelihoodAssertions.assertGradient;
import static org.vae4j.plugins.vae.likelihood.LikelihoodAssertions.assertValues;
import static org.vae4j.plugins.vae.likelihood.LikelihoodAssertions.frequencyTolerance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.vae4j.api.data.DataInfo;
import org.vae4j.engine.testing.TestContext;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vae4j.api.Likelihood;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.engine.gradcheck.GradientCheck;

class CategoricalLikelihoodTest {

    @Test
    void equalLogitsGiveMinusLogKPerDimension() {
        CategoricalLikelihood lik = new CategoricalLikelihood(5, 4);
        INDArray x = Nd4j.createFromArray(new double[][] {{0, 1, 2, 3, 3}, {2, 2, 0, 1, 0}});
        INDArray logits = Nd4j.valueArrayOf(new long[] {2, 20}, 1.7, DataType.DOUBLE);
        assertValues(new double[] {-5 * Math.log(4), -5 * Math.log(4)}, lik.logProb(x, logits), 1e-12);
    }

    @Test
    void handWorkedValueAndParameterMajorLayout() {
        // D = 2, K = 3: columns are (k=0,d=0) (k=0,d=1) (k=1,d=0) (k=1,d=1) (k=2,d=0) (k=2,d=1)
        CategoricalLikelihood lik = new CategoricalLikelihood(2, 3);
        INDArray logits = Nd4j.createFromArray(new double[][] {{0, 5, 1, 0, 2, 0}});
        INDArray x = Nd4j.createFromArray(new double[][] {{2, 0}});
        double dim0 = 2 - Math.log(1 + Math.E + Math.exp(2));
        double dim1 = 5 - Math.log(Math.exp(5) + 2);
        assertValues(new double[] {dim0 + dim1}, lik.logProb(x, logits), 1e-12);
    }

    @Test
    void extremeLogitsStayFiniteInFloat() {
        CategoricalLikelihood lik = new CategoricalLikelihood(2, 3);
        INDArray logits = Nd4j.createFromArray(new float[][] {{1000, -1000, 0, 0, -1000, 1000}});
        INDArray grad = logits.ulike();
        INDArray lp = lik.logProbAndGradient(Nd4j.createFromArray(new float[][] {{0, 2}}), logits, 1.0, grad);
        assertEquals(DataType.FLOAT, lp.dataType());
        assertValues(new double[] {0}, lp, 1e-6);
        assertEquals(0, grad.amaxNumber().doubleValue(), 1e-6);
        INDArray wrong = lik.logProb(Nd4j.createFromArray(new float[][] {{1, 2}}), logits);
        assertValues(new double[] {-1000}, wrong, 1e-3);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        CategoricalLikelihood lik = new CategoricalLikelihood(5, 4);
        INDArray logits = Nd4j.getRandomFactory().getNewRandomInstance(993).nextDouble(new long[] {3, 20}).castTo(DataType.DOUBLE).subi(0.5).muli(4);
        INDArray x = Nd4j.createFromArray(new double[][] {{0, 1, 2, 3, 0}, {3, 3, 1, 0, 2}, {1, 0, 0, 2, 3}});
        INDArray grad = logits.ulike();
        INDArray lp = lik.logProbAndGradient(x, logits, 1.0, grad).dup();
        assertClose(lik.logProb(x, logits), lp, 1e-12);
        assertGradient(GradientCheck.compare(() -> lik.logProb(x, logits).sumNumber().doubleValue(), logits, grad,
                GradientCheck.DEFAULT_EPS), "logits");
    }

    @Test
    void theFloatTrainingKernelGivesTheExactPathsValuesAndGradient() {
        // a training batch's shape in miniature: 16 levels, logits spread over [-15, 15]
        int n = 6;
        int d = 50;
        int k = 16;
        CategoricalLikelihood lik = new CategoricalLikelihood(d, k);
        INDArray logits = Nd4j.getRandomFactory().getNewRandomInstance(5).nextDouble(new long[] {n, (long) k * d})
                .castTo(DataType.DOUBLE).subi(0.5).muli(30);
        INDArray x = Nd4j.getRandomFactory().getNewRandomInstance(6).nextDouble(new long[] {n, d})
                .castTo(DataType.DOUBLE).muli(k).castTo(DataType.INT32).castTo(DataType.DOUBLE);
        INDArray exactGrad = logits.ulike();
        INDArray exact = lik.logProbAndGradient(x, logits, 0.5, exactGrad).dup();
        INDArray floatGrad = Nd4j.create(DataType.FLOAT, n, (long) k * d);
        INDArray fast = lik.logProbAndGradient(x.castTo(DataType.FLOAT), logits.castTo(DataType.FLOAT), 0.5,
                floatGrad);
        for (int r = 0; r < n; r++) {
            assertEquals(exact.getDouble(r), fast.getDouble(r), 2e-5 * Math.abs(exact.getDouble(r)), "example " + r);
        }
        assertEquals(0, exactGrad.sub(floatGrad.castTo(DataType.DOUBLE)).amaxNumber().doubleValue(), 1e-6);
        // and evaluation (logProb) of FLOAT data agrees with the kernel's values
        assertClose(lik.logProb(x.castTo(DataType.FLOAT), logits.castTo(DataType.FLOAT)).castTo(DataType.DOUBLE),
                fast.castTo(DataType.DOUBLE), 1e-3);
    }

    @Test
    void theFloatTrainingKernelRefusesDataThatAreNotLevels() {
        CategoricalLikelihood lik = new CategoricalLikelihood(2, 4);
        INDArray logits = Nd4j.zeros(DataType.FLOAT, 1, 8);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> lik.logProbAndGradient(Nd4j.createFromArray(new float[][] {{1, 4}}), logits, 1.0,
                        logits.ulike()));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("got 4.0 at example 0, dimension 1"),
                e.getMessage());
    }

    @Test
    void scaleMultipliesAndNonContiguousGradientsAreWritten() {
        CategoricalLikelihood lik = new CategoricalLikelihood(5, 4);
        INDArray logits = Nd4j.getRandomFactory().getNewRandomInstance(993).nextDouble(new long[] {3, 20}).castTo(DataType.DOUBLE);
        INDArray x = Nd4j.createFromArray(new double[][] {{0, 1, 2, 3, 0}, {3, 3, 1, 0, 2}, {1, 0, 0, 2, 3}});
        INDArray unscaled = logits.ulike();
        lik.logProbAndGradient(x, logits, 1.0, unscaled);
        INDArray wide = Nd4j.valueArrayOf(new long[] {3, 23}, 7.0, DataType.DOUBLE);
        INDArray view = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 21));
        lik.logProbAndGradient(x, logits, 0.25, view);
        assertClose(unscaled.mul(0.25), view, 1e-12);
        assertEquals(7.0, wide.getDouble(1, 0));
        assertEquals(7.0, wide.getDouble(1, 22));
        // each dimension's gradient sums to zero over the levels: one-hot minus probabilities
        assertEquals(0, unscaled.reshape(3, 4, 5).sum(1).amaxNumber().doubleValue(), 1e-12);
    }

    @Test
    void meanIsTheExpectedLevel() {
        CategoricalLikelihood lik = new CategoricalLikelihood(2, 4);
        // dim 0: equal logits -> expected level 1.5; dim 1: p = (0.1, 0.2, 0.3, 0.4) -> 2.0
        INDArray logits = Nd4j.createFromArray(new double[][] {
                {0, Math.log(0.1), 0, Math.log(0.2), 0, Math.log(0.3), 0, Math.log(0.4)}});
        assertClose(Nd4j.createFromArray(new double[][] {{1.5, 2.0}}), lik.mean(logits), 1e-12);
        assertClose(Nd4j.createFromArray(new double[][] {{0.5, 2.0 / 3}}), lik.toIntensities(logits), 1e-12);
    }

    @Test
    void fromIntensitiesQuantizesLikeTheFourBitData() {
        CategoricalLikelihood lik = new CategoricalLikelihood(7, 16);
        INDArray i = Nd4j.createFromArray(new float[][] {{0, 0.06f, 0.0625f, 0.5f, 0.99f, 1, 0.3f}});
        assertClose(Nd4j.createFromArray(new float[][] {{0, 0, 1, 8, 15, 15, 4}}), lik.fromIntensities(i), 0);
    }

    @Test
    void samplingFrequenciesFollowTheSoftmax() {
        CategoricalLikelihood lik = new CategoricalLikelihood(2, 4);
        int n = 4000;
        double[] dim0 = {0, 1, 2, -1};
        double[] dim1 = {3, 0, 0, 0};
        INDArray row = Nd4j.createFromArray(new float[][] {{
                (float) dim0[0], (float) dim1[0], (float) dim0[1], (float) dim1[1],
                (float) dim0[2], (float) dim1[2], (float) dim0[3], (float) dim1[3]}});
        INDArray logits = Nd4j.zeros(DataType.FLOAT, n, 8).addiRowVector(row);
        INDArray s = lik.sample(logits, Nd4j.getRandomFactory().getNewRandomInstance(11));
        assertEquals(DataType.FLOAT, s.dataType());
        assertEquals(n, s.size(0));
        assertEquals(2, s.size(1));
        for (int d = 0; d < 2; d++) {
            double[] l = d == 0 ? dim0 : dim1;
            double z = 0;
            for (double v : l) {
                z += Math.exp(v);
            }
            INDArray column = s.getColumn(d);
            for (int k = 0; k < 4; k++) {
                double p = Math.exp(l[k]) / z;
                double freq = column.eq(k).castTo(DataType.DOUBLE).meanNumber().doubleValue();
                assertEquals(p, freq, frequencyTolerance(p, n), "dimension " + d + " level " + k);
            }
        }
        assertEquals(s, lik.sample(logits, Nd4j.getRandomFactory().getNewRandomInstance(11)));
    }

    /** A context of quantized data with the given number of levels. */
    private static TestContext levels(int levels, long... shape) {
        return TestContext.of(shape).withData(new DataInfo("test", shape, DataInfo.QUANTIZE, levels, DataInfo.SAME,
                List.of()));
    }

    /** What the spec said of the data must be what a categorical scores: checked as it is built. */
    @Test
    void theDataMustBeLevelIndicesOfTheSameCount() {
        CategoricalLikelihoodProvider provider = new CategoricalLikelihoodProvider();
        ConfigException scale = assertThrows(ConfigException.class,
                () -> provider.create(new CategoricalConfig(), TestContext.of(1, 28, 28)));
        assertEquals("$.data.transform", scale.field());
        assertEquals("the categorical likelihood scores level indices; use \"quantize\" (with \"bits\"), got 'scale'",
                scale.getMessage());
        ConfigException count = assertThrows(ConfigException.class,
                () -> provider.create(new CategoricalConfig(), levels(8, 1, 28, 28)));
        assertEquals("levels", count.field());
        assertEquals("must equal 2^$.data.bits = 8 (the levels the data has), got 16", count.getMessage());
        ConfigException other = assertThrows(ConfigException.class,
                () -> new BernoulliLikelihoodProvider().create(new BernoulliConfig(), levels(16, 1, 28, 28)));
        assertEquals("$.data.transform", other.field());
        assertEquals("'quantize' yields level indices 0..15, which only the categorical likelihood scores; the "
                + "bernoulli likelihood needs \"scale\", \"binarize\" or \"dynamic-binarize\"", other.getMessage());
    }

    @Test
    void providerAndValidation() throws Exception {
        CategoricalLikelihoodProvider provider = new CategoricalLikelihoodProvider();
        assertEquals("categorical", provider.type());
        ObjectMapper json = new ObjectMapper();
        CategoricalConfig defaults = json.readValue("{}", CategoricalConfig.class);
        assertEquals(16, defaults.levels);
        Likelihood lik = provider.create(defaults, levels(16, 1, 28, 28));
        assertEquals(16, lik.parametersPerDimension());
        assertEquals(784, ((CategoricalLikelihood) lik).dimensions());
        assertEquals(256, provider.create(json.readValue("{\"levels\": 256}", CategoricalConfig.class),
                levels(256, 3)).parametersPerDimension());
        for (int bad : new int[] {1, 0, -4, 257}) {
            CategoricalConfig config = new CategoricalConfig();
            config.levels = bad;
            ConfigException e = assertThrows(ConfigException.class,
                    () -> provider.create(config, levels(16, 3)));
            assertEquals("levels", e.field());
            assertTrue(e.getMessage().contains("2..256") && e.getMessage().contains("got " + bad), e.getMessage());
        }
    }
}
