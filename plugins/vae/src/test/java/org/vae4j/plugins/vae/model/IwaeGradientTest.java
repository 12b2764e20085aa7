package org.vae4j.plugins.vae.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Likelihood;
import org.vae4j.api.Parameter;
import org.vae4j.api.Prior;
import org.vae4j.api.model.Metrics;
import org.vae4j.engine.gradcheck.GradientCheck;
import org.vae4j.engine.params.ParameterStore;
import org.vae4j.engine.random.SeededRandom;
import org.vae4j.plugins.vae.VaeModel;
import org.vae4j.plugins.vae.likelihood.BernoulliLikelihood;
import org.vae4j.plugins.vae.likelihood.CategoricalLikelihood;
import org.vae4j.plugins.vae.likelihood.GaussianLikelihood;
import org.vae4j.plugins.vae.objective.IwaeObjective;
import org.vae4j.plugins.vae.objective.VaeObjective;
import org.vae4j.plugins.vae.prior.StandardNormalPrior;

/**
 * Finite-difference checks of the IWAE bound's gradient and of the K-sample ELBO's (with beta),
 * for each kind of likelihood, against the loss the training step itself reports with the same
 * noise; and the bounds' order: the K-sample ELBO >= the IWAE bound, equal at K = 1.
 */
class IwaeGradientTest {
    private static final int D = 5;
    private static final int L = 2;
    private static final int N = 3;
    private static final long NOISE = 77;
    private static final double EPS = 1e-5;

    private static VaeModel model(long seed, Likelihood likelihood, VaeObjective objective) {
        return model(seed, likelihood, objective, new StandardNormalPrior(L, DataType.DOUBLE));
    }

    private static VaeModel model(long seed, Likelihood likelihood, VaeObjective objective, Prior prior) {
        Random r = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        return new VaeModel(new TestModels.TestEncoder(TestModels.mlp(D, new int[] {4}, 2L * L, "tanh", r)),
                new TestModels.TestDecoder(TestModels.mlp(L, new int[] {4},
                        (long) likelihood.parametersPerDimension() * D, "gelu", r)),
                prior, likelihood, objective, TestModels.data(D), DataType.DOUBLE);
    }

    private static double loss(VaeModel m, INDArray x, INDArray target, double beta) {
        try (SeededRandom r = new SeededRandom(NOISE)) {
            Metrics s = m.trainStep(TestModels.batch(x, target), beta, r.get());
            return s.sum(Metrics.LOSS) / N;
        }
    }

    private static void check(VaeModel m, INDArray x, INDArray target, double beta) {
        ParameterStore store = TestModels.parameters(m);
        store.zeroGradients();
        loss(m, x, target, beta);
        Map<String, INDArray> analytic = new LinkedHashMap<>();
        store.byName().forEach((k, p) -> analytic.put(k, p.gradient().dup()));
        DoubleSupplier f = () -> loss(m, x, target, beta);
        StringBuilder failures = new StringBuilder();
        for (Map.Entry<String, Parameter> e : store.byName().entrySet()) {
            GradientCheck.Result res = GradientCheck.compare(f, e.getValue().value(), analytic.get(e.getKey()), EPS);
            if (!(res.relativeError() <= 1e-6)) {
                failures.append("\n  ").append(e.getKey()).append(": ").append(res);
            }
        }
        assertTrue(failures.length() == 0, "gradient check failed:" + failures);
    }

    @Test
    void iwaeGradientForEachLikelihood() {
        INDArray x = TestModels.uniformData(1, N, D);
        check(model(2, new BernoulliLikelihood(D), new IwaeObjective(5, null)), x, x, 1.0);
        GaussianLikelihood learned = GaussianLikelihood.learned(D, -0.3, DataType.DOUBLE);
        check(model(3, learned, new IwaeObjective(4, null)), x, x, 1.0);
        INDArray levels = Nd4j.createFromArray(new double[][] {{0, 1, 2, 3, 1}, {3, 3, 0, 2, 1}, {2, 0, 1, 1, 3}});
        check(model(4, new CategoricalLikelihood(D, 4), new IwaeObjective(3, null)), levels.div(3), levels, 1.0);
    }

    @Test
    void kSampleElboGradientWithBeta() {
        INDArray x = TestModels.uniformData(5, N, D);
        check(model(6, new BernoulliLikelihood(D), new IwaeObjective(4, p -> 0.6)), x, x, 0.6);
    }

    @Test
    void aLearnedMixturePriorGetsItsGradientFromEveryObjective() {
        INDArray x = TestModels.uniformData(11, N, D);
        java.util.function.Supplier<Prior> mog = () -> new org.vae4j.plugins.vae.prior.MixturePrior(L, 3, 1.0,
                DataType.DOUBLE, Nd4j.getRandomFactory().getNewRandomInstance(12));
        check(model(13, new BernoulliLikelihood(D), new IwaeObjective(4, null), mog.get()), x, x, 1.0);
        check(model(13, new BernoulliLikelihood(D), new IwaeObjective(3, p -> 0.8), mog.get()), x, x, 0.8);
        // the one-sample ELBO takes its Monte Carlo KL branch
        check(model(13, new BernoulliLikelihood(D), new org.vae4j.plugins.vae.objective.ElboObjective(p -> 0.8),
                mog.get()), x, x, 0.8);
    }

    /** A VampPrior runs the model's encoder a second time, on its pseudo-inputs: both runs' gradients add up. */
    @Test
    void aVampPriorSharesTheEncoderAndLearnsItsPseudoInputs() {
        INDArray x = TestModels.uniformData(14, N, D);
        for (VaeObjective objective : java.util.List.<VaeObjective>of(new IwaeObjective(3, null),
                new org.vae4j.plugins.vae.objective.ElboObjective(p -> 0.9))) {
            Random r = Nd4j.getRandomFactory().getNewRandomInstance(15);
            TestModels.TestEncoder encoder = new TestModels.TestEncoder(TestModels.mlp(D, new int[] {4}, 2L * L, "tanh",
                    r));
            TestModels.TestDecoder decoder = new TestModels.TestDecoder(TestModels.mlp(L, new int[] {4}, D, "gelu", r));
            Prior vamp = new org.vae4j.plugins.vae.prior.VampPrior(encoder, L, 3, D, DataType.DOUBLE, r);
            VaeModel m = new VaeModel(encoder, decoder, vamp, new BernoulliLikelihood(D), objective,
                    TestModels.data(D), DataType.DOUBLE);
            assertTrue(TestModels.parameters(m).byName().containsKey("prior.pseudoInputs"));
            check(m, x, x, objective instanceof IwaeObjective ? 1.0 : 0.9);
        }
    }

    private static VaeModel withFlow(long seed, VaeObjective objective, Prior prior) {
        return withFlow(seed, objective, prior, r -> new org.vae4j.plugins.vae.posterior.PlanarFlow(2, L,
                DataType.DOUBLE, r));
    }

    private static VaeModel withFlow(long seed, VaeObjective objective, Prior prior,
                                     java.util.function.Function<Random, org.vae4j.plugins.vae.posterior.PosteriorFlow> f) {
        return withFlow(seed, objective, prior, f, true);
    }

    private static VaeModel withFlow(long seed, VaeObjective objective, Prior prior,
                                     java.util.function.Function<Random, org.vae4j.plugins.vae.posterior.PosteriorFlow> f,
                                     boolean randomize) {
        Random r = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        VaeModel plain = model(seed, new BernoulliLikelihood(D), objective, prior);
        org.vae4j.plugins.vae.posterior.PosteriorFlow flow = f.apply(r);
        // away from the near-identity start, so the flow's terms matter
        if (randomize) {
            flow.parameters().forEach(p -> Nd4j.getExecutioner().exec(
                    new org.nd4j.linalg.api.ops.random.impl.UniformDistribution(p.value(), -0.5, 0.5), r));
        }
        return new VaeModel(plain.encoder(), plain.decoder(), plain.prior(), flow, plain.likelihood(), objective,
                TestModels.data(D), DataType.DOUBLE);
    }

    /** A planar-flow posterior: the flow's parameters and everything behind it, for every objective. */
    @Test
    void aPlanarFlowPosteriorGetsItsGradientFromEveryObjective() {
        INDArray x = TestModels.uniformData(16, N, D);
        java.util.function.Supplier<Prior> normal = () -> new StandardNormalPrior(L, DataType.DOUBLE);
        VaeModel elbo = withFlow(17, new org.vae4j.plugins.vae.objective.ElboObjective(p -> 0.8), normal.get());
        assertTrue(TestModels.parameters(elbo).byName().keySet().containsAll(java.util.List.of("posterior.u",
                "posterior.w", "posterior.b")), TestModels.parameters(elbo).byName().keySet().toString());
        check(elbo, x, x, 0.8);
        check(withFlow(18, new IwaeObjective(4, null), normal.get()), x, x, 1.0);
        check(withFlow(19, new IwaeObjective(3, p -> 0.7), normal.get()), x, x, 0.7);
        check(withFlow(20, new IwaeObjective(3, null), new org.vae4j.plugins.vae.prior.MixturePrior(L, 3, 1.0,
                DataType.DOUBLE, Nd4j.getRandomFactory().getNewRandomInstance(21))), x, x, 1.0);
    }

    /** An inverse autoregressive flow: its MADE networks' parameters and everything behind it. */
    @Test
    void anIafPosteriorGetsItsGradientFromTheElboAndTheIwaeBound() {
        INDArray x = TestModels.uniformData(25, N, D);
        java.util.function.Function<Random, org.vae4j.plugins.vae.posterior.PosteriorFlow> iaf = r ->
                new org.vae4j.plugins.vae.posterior.InverseAutoregressiveFlow(2, new int[] {5}, L, DataType.DOUBLE, r);
        check(withFlow(26, new org.vae4j.plugins.vae.objective.ElboObjective(p -> 0.9),
                new StandardNormalPrior(L, DataType.DOUBLE), iaf), x, x, 0.9);
        check(withFlow(27, new IwaeObjective(3, null), new StandardNormalPrior(L, DataType.DOUBLE), iaf), x, x, 1.0);
    }

    /**
     * A flow changes the proposal, not the model: with many samples the importance-weighted NLL
     * with and without the flow converge to the same -log p(x) (a wrong log-determinant would bias
     * one of them), and the flow's ELBO estimate stays above it.
     */
    @Test
    void withAFlowTheImportanceWeightedNllEstimatesTheSameLikelihood() {
        withAFlowTheImportanceWeightedNllEstimatesTheSameLikelihood(r -> new org.vae4j.plugins.vae.posterior.PlanarFlow(2,
                L, DataType.DOUBLE, r), true);
        // the IAF as built (each step z' = about 0.88 z + 0.12 m): randomized, its σ near 1/2 shrinks
        // the proposal so far that even 200,000 samples leave the estimate a nat high
        withAFlowTheImportanceWeightedNllEstimatesTheSameLikelihood(r ->
                new org.vae4j.plugins.vae.posterior.InverseAutoregressiveFlow(2, new int[] {5}, L, DataType.DOUBLE, r),
                false);
    }

    private static void withAFlowTheImportanceWeightedNllEstimatesTheSameLikelihood(
            java.util.function.Function<Random, org.vae4j.plugins.vae.posterior.PosteriorFlow> flow, boolean randomize) {
        INDArray x = TestModels.uniformData(22, N, D);
        VaeModel flowed = withFlow(23, new org.vae4j.plugins.vae.objective.ElboObjective(p -> 1.0),
                new StandardNormalPrior(L, DataType.DOUBLE), flow, randomize);
        VaeModel plain = new VaeModel(flowed.encoder(), flowed.decoder(), flowed.prior(), flowed.likelihood(),
                new org.vae4j.plugins.vae.objective.ElboObjective(p -> 1.0), TestModels.data(D), DataType.DOUBLE);
        try (org.vae4j.engine.random.SeededRandom r = new org.vae4j.engine.random.SeededRandom(24)) {
            double negElbo = 0;
            int draws = 500;
            for (int i = 0; i < draws; i++) {
                negElbo += flowed.negativeElbo(TestModels.batch(x), r.get()).sumNumber().doubleValue() / draws;
            }
            double viaFlow = flowed.importanceWeightedNll(TestModels.batch(x), 50_000, r.get()).sumNumber().doubleValue();
            double viaGaussian = plain.importanceWeightedNll(TestModels.batch(x), 50_000, r.get()).sumNumber()
                    .doubleValue();
            // a sign error in the log-determinant moves it by nats; sampling error is ~0.02
            String which = flowed.flow().describe();
            assertEquals(viaGaussian, viaFlow, 0.06, which + ": -log p(x) of " + N + " examples");
            assertTrue(viaFlow < negElbo, which + ": IW-NLL " + viaFlow + ", neg-ELBO " + negElbo);
        }
    }

    @Test
    void theIwaeBoundIsAtMostTheKSampleElboAndEqualAtOneSample() {
        INDArray x = TestModels.uniformData(8, N, D);
        VaeModel iwae = model(9, new BernoulliLikelihood(D), new IwaeObjective(8, null));
        VaeModel elbo = model(9, new BernoulliLikelihood(D), new IwaeObjective(8, p -> 1.0));
        assertTrue(loss(iwae, x, x, 1.0) <= loss(elbo, x, x, 1.0));
        VaeModel iwae1 = model(9, new BernoulliLikelihood(D), new IwaeObjective(1, null));
        VaeModel elbo1 = model(9, new BernoulliLikelihood(D), new IwaeObjective(1, p -> 1.0));
        assertEquals(loss(elbo1, x, x, 1.0), loss(iwae1, x, x, 1.0), 1e-12);
    }
}
