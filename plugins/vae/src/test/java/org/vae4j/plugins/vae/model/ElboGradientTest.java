package org.vae4j.plugins.vae.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Parameter;
import org.vae4j.plugins.vae.VaeModel;
import org.vae4j.engine.gradcheck.GradientCheck;
import org.vae4j.plugins.vae.likelihood.BernoulliLikelihood;
import org.vae4j.plugins.vae.likelihood.GaussianLikelihood;
import org.vae4j.engine.params.ParameterStore;
import org.vae4j.plugins.vae.prior.StandardNormalPrior;
import org.vae4j.engine.random.SeededRandom;

/**
 * Finite-difference checks of the whole negative-ELBO gradient that {@code trainStep} writes into
 * every parameter, against the batch-mean loss {@code (reconstruction + beta * kl) / N} of
 * {@code evaluate} passes that draw the same noise (a fresh stream with the same seed each time).
 */
class ElboGradientTest {
    private static final int D = 6;
    private static final int HIDDEN = 5;
    private static final int L = 3;
    private static final int N = 4;
    /** Not 1, so a gradient that forgets or misplaces beta fails. */
    private static final double BETA = 0.7;
    private static final long NOISE_SEED = 1234;
    /**
     * The perturbation. One evaluation of the whole model carries ~1e-15 of round-off in the loss,
     * which eps = 1e-6 would turn into ~5e-10 of absolute error in the numeric gradient (measured:
     * errors scale as 1/eps below 1e-5); at 1e-5 round-off is ~5e-11 and the truncation error
     * O(eps^2) is smaller still.
     */
    private static final double EPS = 1e-5;
    /** The relative tolerance of the VAE checks (measured worst: 3e-8). */
    private static final double TOLERANCE = 1e-6;

    /** The batch-mean objective, with the noise of a fresh stream seeded {@link #NOISE_SEED}. */
    private static DoubleSupplier objective(VaeModel model, INDArray x, double beta) {
        return () -> {
            try (SeededRandom r = new SeededRandom(NOISE_SEED)) {
                TestModels.Sums e = TestModels.evaluate(model, x, x, r.get());
                return (e.reconstruction() + beta * e.kl()) / e.examples();
            }
        };
    }

    /**
     * Runs trainStep, checks its sums against evaluate with the same noise, and each parameter's
     * gradient against central differences.
     *
     * @return the worst relative error per parameter
     */
    private static Map<String, GradientCheck.Result> check(VaeModel model, INDArray x,
                                                          List<String> expectedNames) {
        return check(model, x, expectedNames, TOLERANCE);
    }

    private static Map<String, GradientCheck.Result> check(VaeModel model, INDArray x,
                                                          List<String> expectedNames, double tolerance) {
        ParameterStore store = TestModels.parameters(model);
        assertEquals(expectedNames, List.copyOf(store.byName().keySet()));
        store.zeroGradients();
        TestModels.Sums trained;
        try (SeededRandom r = new SeededRandom(NOISE_SEED)) {
            trained = TestModels.trainStep(model, x, x, BETA, r.get());
        }
        assertEquals(N, trained.examples());
        DoubleSupplier f = objective(model, x, BETA);
        double expected = (trained.reconstruction() + BETA * trained.kl()) / N;
        assertEquals(expected, f.getAsDouble(), 1e-12 * Math.abs(expected), "trainStep and evaluate see the same noise");
        assertTrue(Double.isFinite(store.gradients().sumNumber().doubleValue()), "gradients finite");
        store.byName().forEach((k, p) -> assertTrue(p.gradient().amaxNumber().doubleValue() > 0,
                "a gradient reached " + k));

        Map<String, INDArray> analytic = new LinkedHashMap<>();
        store.byName().forEach((k, p) -> analytic.put(k, p.gradient().dup()));
        Map<String, GradientCheck.Result> results = new LinkedHashMap<>();
        StringBuilder failures = new StringBuilder();
        for (Map.Entry<String, Parameter> e : store.byName().entrySet()) {
            GradientCheck.Result res = GradientCheck.compare(f, e.getValue().value(), analytic.get(e.getKey()), EPS);
            results.put(e.getKey(), res);
            if (!(res.relativeError() <= tolerance)) {
                failures.append("\n  ").append(e.getKey()).append(": ").append(res);
            }
        }
        assertTrue(failures.length() == 0, "ELBO gradient check failed:" + failures);
        return results;
    }

    private static final List<String> MLP_NAMES = List.of(
            "encoder.0.weight", "encoder.0.bias", "encoder.2.weight", "encoder.2.bias",
            "decoder.0.weight", "decoder.0.bias", "decoder.2.weight", "decoder.2.bias");

    @Test
    void bernoulliVaeWithStandardNormalPrior() {
        VaeModel model = TestModels.mlpVae(7, D, HIDDEN, L, new BernoulliLikelihood(D),
                new StandardNormalPrior(L, DataType.DOUBLE), true);
        INDArray x = TestModels.uniformData(8, N, D);
        check(model, x, MLP_NAMES);

        // negative control: the same gradients are clearly wrong for the objective with beta = 1,
        // so the check above does see beta
        ParameterStore store = TestModels.parameters(model);
        store.zeroGradients();
        try (SeededRandom r = new SeededRandom(NOISE_SEED)) {
            TestModels.trainStep(model, x, x, BETA, r.get());
        }
        Parameter encoderOut = store.byName().get("encoder.2.bias");
        GradientCheck.Result wrongBeta = GradientCheck.compare(objective(model, x, 1.0), encoderOut.value(),
                encoderOut.gradient().dup(), EPS);
        assertTrue(wrongBeta.relativeError() > 1e-2, wrongBeta.toString());
    }

    @Test
    void gaussianVaeWithLearnedSigma() {
        GaussianLikelihood lik = GaussianLikelihood.learned(D, 0.0, DataType.DOUBLE);
        lik.parameters().get(0).value().assign(Nd4j.createFromArray(new double[][] {{-0.6, -0.3, 0, 0.2, 0.4, -1}}));
        VaeModel model = TestModels.mlpVae(9, D, HIDDEN, L, lik,
                new StandardNormalPrior(L, DataType.DOUBLE), true);
        INDArray x = TestModels.uniformData(10, N, D);
        List<String> names = new java.util.ArrayList<>(MLP_NAMES);
        names.add("likelihood.logSigma");
        check(model, x, names);
    }

    @Test
    void plainAutoencoder() {
        VaeModel model = TestModels.mlpVae(11, D, HIDDEN, L, new BernoulliLikelihood(D),
                new StandardNormalPrior(L, DataType.DOUBLE), false);
        INDArray x = TestModels.uniformData(12, N, D);
        // 1e-5 here: one element of encoder.0.bias's gradient is only ~5e-6, where the ~5e-11
        // round-off of the numeric gradient is 1e-5 relative (measured 2.9e-6; every other
        // parameter within 1e-7)
        check(model, x, MLP_NAMES, 1e-5);
        try (SeededRandom rr = new SeededRandom(NOISE_SEED)) {
            assertEquals(0.0, TestModels.trainStep(model, x, x, BETA, rr.get()).kl());
        }
    }

    @Test
    void monteCarloKlWhenThePriorHasNoClosedForm() {
        VaeModel model = TestModels.mlpVae(13, D, HIDDEN, L, new BernoulliLikelihood(D),
                new TestModels.MonteCarloPrior(L, DataType.DOUBLE), true);
        INDArray x = TestModels.uniformData(14, N, D);
        check(model, x, MLP_NAMES);
    }

    /**
     * A prior with a parameter of its own learns: the gradient of the Monte Carlo KL reaches its
     * mean, and matches the finite differences of the objective.
     */
    @Test
    void aLearnedPriorGetsItsGradient() {
        TestModels.ShiftedNormalPrior prior = new TestModels.ShiftedNormalPrior(L, DataType.DOUBLE);
        prior.parameters().get(0).value().assign(Nd4j.createFromArray(new double[][] {{0.3, -0.2, 0.1}}));
        VaeModel model = TestModels.mlpVae(15, D, HIDDEN, L, new BernoulliLikelihood(D), prior, true);
        INDArray x = TestModels.uniformData(16, N, D);
        List<String> names = new java.util.ArrayList<>(MLP_NAMES);
        names.add("prior.mean");
        check(model, x, names);
    }
}
