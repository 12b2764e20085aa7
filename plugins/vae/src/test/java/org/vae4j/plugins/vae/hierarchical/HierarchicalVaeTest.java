package org.vae4j.plugins.vae.hierarchical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Likelihood;
import org.vae4j.api.Parameter;
import org.vae4j.api.model.Metrics;
import org.vae4j.engine.gradcheck.GradientCheck;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Dense;
import org.vae4j.engine.params.ModelParameters;
import org.vae4j.engine.params.ParameterStore;
import org.vae4j.engine.random.SeededRandom;
import org.vae4j.plugins.vae.likelihood.BernoulliLikelihood;
import org.vae4j.plugins.vae.likelihood.GaussianLikelihood;
import org.vae4j.plugins.vae.model.TestModels;
import org.vae4j.plugins.vae.objective.ElboObjective;

/**
 * The two-layer VAE: its gradient against finite differences, its KL terms against values worked
 * out by hand, its importance-weighted estimate against the exact marginal of a linear Gaussian
 * model, and its ELBO below that estimate.
 */
class HierarchicalVaeTest {
    private static final int D = 6;
    private static final int HIDDEN = 5;
    private static final int L1 = 3;
    private static final int L2 = 2;
    private static final int N = 4;
    private static final double BETA = 0.7;
    private static final long NOISE_SEED = 4321;
    /** As the one-layer VAE's check: round-off and truncation balance at 1e-5. */
    private static final double EPS = 1e-5;

    /** Small tanh MLPs for all four networks, in DOUBLE. */
    private static HierarchicalVae mlpModel(long seed, Likelihood likelihood) {
        Random r = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        int[] hidden = {HIDDEN};
        return new HierarchicalVae(
                new TestModels.TestEncoder(TestModels.mlp(D, hidden, 2L * L1, "tanh", r)),
                new TestModels.TestEncoder(TestModels.mlp(L1, hidden, 2L * L2, "tanh", r)),
                new TestModels.TestDecoder(TestModels.mlp(L2, hidden, 2L * L1, "tanh", r)),
                new TestModels.TestDecoder(TestModels.mlp(L1, hidden, likelihood.parametersPerDimension() * D, "tanh",
                        r)),
                likelihood, new ElboObjective(p -> 1.0), TestModels.data(D), L1, L2, DataType.DOUBLE);
    }

    private static ParameterStore parameters(HierarchicalVae model) {
        return ModelParameters.of(model, DataType.DOUBLE).group(HierarchicalVae.GROUP);
    }

    private static Metrics evaluate(HierarchicalVae model, INDArray x) {
        try (SeededRandom r = new SeededRandom(NOISE_SEED)) {
            return model.evaluate(TestModels.batch(x), r.get());
        }
    }

    /** trainStep's gradient of (reconstruction + beta (KL1 + KL2)) / N against central differences. */
    private static void assertGradientMatches(HierarchicalVae model, INDArray x, List<String> names) {
        ParameterStore store = parameters(model);
        assertEquals(names, List.copyOf(store.byName().keySet()));
        store.zeroGradients();
        Metrics trained;
        try (SeededRandom r = new SeededRandom(NOISE_SEED)) {
            trained = model.trainStep(TestModels.batch(x), BETA, r.get());
        }
        DoubleSupplier loss = () -> {
            Metrics m = evaluate(model, x);
            return (m.sum("reconstruction") + BETA * m.sum("kl")) / N;
        };
        Metrics evaluated = evaluate(model, x);
        for (String f : List.of("reconstruction", "kl_z1", "kl_z2")) {
            assertEquals(evaluated.sum(f), trained.sum(f), 1e-12 * Math.abs(evaluated.sum(f)) + 1e-14,
                    f + ": trainStep and evaluate see the same noise");
        }
        assertEquals(trained.sum("kl_z1") + trained.sum("kl_z2"), trained.sum("kl"), 1e-12);
        Map<String, INDArray> analytic = new LinkedHashMap<>();
        store.byName().forEach((k, p) -> {
            assertTrue(p.gradient().amaxNumber().doubleValue() > 0, "a gradient reached " + k);
            analytic.put(k, p.gradient().dup());
        });
        StringBuilder failures = new StringBuilder();
        for (Map.Entry<String, Parameter> e : store.byName().entrySet()) {
            GradientCheck.Result res = GradientCheck.compare(loss, e.getValue().value(), analytic.get(e.getKey()), EPS);
            if (!(res.relativeError() <= 1e-6)) {
                failures.append("\n  ").append(e.getKey()).append(": ").append(res);
            }
        }
        assertTrue(failures.length() == 0, "hierarchical ELBO gradient check failed:" + failures);
    }

    private static List<String> networkNames() {
        List<String> names = new ArrayList<>();
        for (String net : List.of("encoder", "upperEncoder", "upperDecoder", "decoder")) {
            for (String p : List.of("0.weight", "0.bias", "2.weight", "2.bias")) {
                names.add(net + "." + p);
            }
        }
        return names;
    }

    @Test
    void bernoulliGradientMatchesFiniteDifferences() {
        assertGradientMatches(mlpModel(3, new BernoulliLikelihood(D)), TestModels.uniformData(4, N, D),
                networkNames());
    }

    @Test
    void learnedGaussianSigmaGetsItsGradient() {
        GaussianLikelihood lik = GaussianLikelihood.learned(D, 0.0, DataType.DOUBLE);
        lik.parameters().get(0).value().assign(Nd4j.createFromArray(new double[][] {{-0.6, -0.3, 0, 0.2, 0.4, -1}}));
        List<String> names = networkNames();
        names.add("likelihood.logSigma");
        assertGradientMatches(mlpModel(5, lik), TestModels.uniformData(6, N, D), names);
    }

    /** A dense layer that ignores its input and outputs {@code bias}. */
    private static Dense constant(long in, double... bias) {
        Dense d = new Dense(in, bias.length, Initializer.named("pytorch"), DataType.DOUBLE,
                Nd4j.getRandomFactory().getNewRandomInstance(1));
        d.parameters().get(0).value().assign(0);
        d.parameters().get(1).value().assign(Nd4j.createFromArray(new double[][] {bias}));
        return d;
    }

    private static HierarchicalVae constantModel() {
        // q(z1|x) = N(0.5, 0.25), q(z2|z1) = N(0.3, 0.5), p(z1|z2) = N(-0.5, 1), p(x|z1) = Bernoulli(1/2)^2
        return new HierarchicalVae(
                new TestModels.TestEncoder(List.of(constant(2, 0.5, Math.log(0.25)))),
                new TestModels.TestEncoder(List.of(constant(1, 0.3, Math.log(0.5)))),
                new TestModels.TestDecoder(List.of(constant(1, -0.5, 0.0))),
                new TestModels.TestDecoder(List.of(constant(1, 0.0, 0.0))),
                new BernoulliLikelihood(2), new ElboObjective(p -> 1.0), TestModels.data(2), 1, 1, DataType.DOUBLE);
    }

    /**
     * With networks that output constants, each term has a closed form: reconstruction 2 log 2;
     * KL2 = (0.3^2 + 0.5 - log 0.5 - 1) / 2 = 0.14157 for every example; KL1's one-sample estimate
     * averages to KL(N(0.5, 0.25) || N(-0.5, 1)) = (log 4 + 0.25 + 1 - 1) / 2 = 0.81815.
     */
    @Test
    void theTermsOfConstantNetworksAreTheHandWorkedValues() {
        HierarchicalVae m = constantModel();
        int n = 20_000;
        INDArray x = Nd4j.ones(DataType.DOUBLE, n, 2);
        Metrics f;
        try (SeededRandom r = new SeededRandom(11)) {
            f = m.evaluate(TestModels.batch(x), r.get());
        }
        assertEquals(2 * Math.log(2), f.mean("reconstruction"), 1e-12);
        assertEquals(0.5 * (0.09 + 0.5 - Math.log(0.5) - 1), f.mean("kl_z2"), 1e-12);
        // the estimate's standard deviation per example is about 0.8: 0.006 for the mean of 20,000
        assertEquals(0.5 * (Math.log(4) + 0.25), f.mean("kl_z1"), 0.025);
        try (SeededRandom r = new SeededRandom(11)) {
            INDArray perExample = m.negativeElbo(TestModels.batch(x), r.get());
            assertEquals(f.mean("reconstruction") + f.mean("kl"), perExample.meanNumber().doubleValue(), 1e-12);
        }
    }

    private static final double[] W = {1.5, -0.5};
    private static final double[] B = {0.2, -0.1};
    private static final double S = 0.7;

    /**
     * A linear Gaussian model x = w z1 + b + noise whose top layer is disconnected (p(z1|z2) =
     * N(0, 1) whatever z2), with the exact posteriors: q(z1|x) the linear-Gaussian posterior and
     * q(z2|z1) = N(0, 1) = p(z2). Every importance weight is then p(x) itself.
     */
    private static HierarchicalVae exactModel() {
        double postVar = 1 / (1 + (W[0] * W[0] + W[1] * W[1]) / (S * S));
        double[] a = {postVar * W[0] / (S * S), postVar * W[1] / (S * S)};
        Dense enc = constant(2, -(a[0] * B[0] + a[1] * B[1]), Math.log(postVar));
        enc.parameters().get(0).value().assign(Nd4j.createFromArray(new double[][] {{a[0], 0}, {a[1], 0}}));
        Dense dec = constant(1, B);
        dec.parameters().get(0).value().assign(Nd4j.createFromArray(new double[][] {W}));
        return new HierarchicalVae(new TestModels.TestEncoder(List.of(enc)),
                new TestModels.TestEncoder(List.of(constant(1, 0.0, 0.0))),
                new TestModels.TestDecoder(List.of(constant(1, 0.0, 0.0))),
                new TestModels.TestDecoder(List.of(dec)), GaussianLikelihood.fixed(2, S),
                new ElboObjective(p -> 1.0), TestModels.data(2), 1, 1, DataType.DOUBLE);
    }

    /** -log N(x; b, w w^T + s^2 I). */
    private static double exactNll(double x0, double x1) {
        return TestModels.linearGaussianNll(x0, x1, W, B, S);
    }

    @Test
    void withTheExactPosteriorsEveryBoundIsTheMarginal() {
        HierarchicalVae m = exactModel();
        INDArray x = Nd4j.createFromArray(new double[][] {{0.3, 0.9}, {-1.2, 0.4}, {2.0, -0.7}});
        for (int k : new int[] {1, 7, 3000}) {
            INDArray nll = m.importanceWeightedNll(TestModels.batch(x), k, new SeededRandom(3).get());
            for (int i = 0; i < 3; i++) {
                assertEquals(exactNll(x.getDouble(i, 0), x.getDouble(i, 1)), nll.getDouble(i), 1e-9, "K = " + k);
            }
        }
        INDArray elbo = m.negativeElbo(TestModels.batch(x), new SeededRandom(4).get());
        for (int i = 0; i < 3; i++) {
            assertEquals(exactNll(x.getDouble(i, 0), x.getDouble(i, 1)), elbo.getDouble(i), 1e-9);
        }
    }

    /** ELBO <= -IW-NLL: the negative ELBO averages above the estimate, which tightens with K. */
    @Test
    void theElboIsALowerBoundOfTheImportanceWeightedEstimate() {
        HierarchicalVae m = mlpModel(7, new BernoulliLikelihood(D));
        INDArray x = TestModels.uniformData(8, 200, D).gt(0.5).castTo(DataType.DOUBLE);
        var batch = TestModels.batch(x);
        double k1 = m.importanceWeightedNll(batch, 1, new SeededRandom(6).get()).meanNumber().doubleValue();
        double k10 = m.importanceWeightedNll(batch, 10, new SeededRandom(6).get()).meanNumber().doubleValue();
        double k500 = m.importanceWeightedNll(batch, 500, new SeededRandom(6).get()).meanNumber().doubleValue();
        double negElbo = m.negativeElbo(batch, new SeededRandom(7).get()).meanNumber().doubleValue();
        assertTrue(k500 < k10 && k10 < k1, k1 + " > " + k10 + " > " + k500);
        assertTrue(negElbo > k500 + 0.01, "neg ELBO " + negElbo + " above IW-NLL " + k500);
        // at K = 1 the weight is a one-sample ELBO (with KL2 sampled, not in closed form)
        assertEquals(negElbo, k1, 0.3);
    }

    @Test
    void samplingEncodingAndReconstructionHaveTheirShapes() {
        HierarchicalVae m = mlpModel(9, new BernoulliLikelihood(D));
        INDArray x = TestModels.uniformData(10, 3, D);
        assertEquals(L2, m.latentDim());
        assertEquals(List.of(3L, (long) L2), List.of(m.encode(x).shape()[0], m.encode(x).shape()[1]));
        INDArray codes = m.sampleLatent(5, new SeededRandom(1).get());
        INDArray means = m.decode(codes);
        INDArray draws = m.draw(codes, new SeededRandom(2).get());
        assertEquals(5, means.size(0));
        assertEquals(D, draws.size(1));
        assertTrue(means.minNumber().doubleValue() >= 0 && means.maxNumber().doubleValue() <= 1);
        INDArray binary = draws.mul(draws.rsub(1.0));
        assertEquals(0.0, binary.sumNumber().doubleValue(), 0.0, "Bernoulli draws are 0 or 1");
        assertEquals(D, m.reconstruct(x).size(1));
    }
}
