package org.vae4j.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Parameter;
import org.vae4j.api.model.ParameterGroup;
import org.vae4j.api.optim.Optimizer;
import org.vae4j.engine.params.ParameterStore;

/**
 * Optimizer updates against the formulas their Javadoc states, worked in plain Java doubles here,
 * on a three-element parameter vector.
 */
class OptimizerTest {
    private static final double[] P0 = {1.0, 2.0, -3.0};
    private static final double[] G1 = {0.5, -1.0, 2.0};
    private static final double[] G2 = {0.1, 0.3, -4.0};

    /** A store holding one parameter {@code "p.w"} of the given values. */
    private static ParameterStore store(double[] values, DataType type) {
        Parameter p = new Parameter("w", Nd4j.createFromArray(values).castTo(type));
        return ParameterStore.of(new ParameterGroup("g", Map.of(), Map.of("p", List.of(p))), type);
    }

    private static void step(Optimizer opt, ParameterStore s, double[] g) {
        s.gradients().assign(Nd4j.createFromArray(g).castTo(s.gradients().dataType()));
        opt.step(s.values(), s.gradients());
    }

    private static double[] values(ParameterStore s) {
        return s.values().toDoubleVector();
    }

    @Test
    void plainSgdSubtractsLearningRateTimesGradient() {
        ParameterStore s = store(P0, DataType.DOUBLE);
        Sgd sgd = new Sgd(0.1, 0);
        step(sgd, s, G1);
        assertArrayEquals(new double[] {0.95, 2.1, -3.2}, values(s), 1e-15);
        step(sgd, s, G2);
        assertArrayEquals(new double[] {0.94, 2.07, -2.8}, values(s), 1e-15);
        assertEquals(2, sgd.iteration());
        // the parameter is a view of the flat vector
        assertArrayEquals(new double[] {0.94, 2.07, -2.8}, s.byName().get("p.w").value().toDoubleVector(), 1e-15);
    }

    @Test
    void aLearningRateFactorScalesTheNextSteps() {
        ParameterStore s = store(P0, DataType.DOUBLE);
        Sgd sgd = new Sgd(0.1, 0);
        sgd.learningRateFactor(0.5);
        assertEquals(0.05, sgd.learningRate(), 1e-17);
        step(sgd, s, G1);
        assertArrayEquals(new double[] {0.975, 2.05, -3.1}, values(s), 1e-15);
        sgd.learningRateFactor(0);
        step(sgd, s, G2);
        assertArrayEquals(new double[] {0.975, 2.05, -3.1}, values(s), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> sgd.learningRateFactor(-1));
        assertThrows(IllegalArgumentException.class, () -> sgd.learningRateFactor(Double.NaN));
    }

    @Test
    void aFactorOfOneChangesNothingBitForBit() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            ParameterStore a = store(P0, type);
            ParameterStore b = store(P0, type);
            Adam plain = new Adam(1e-3, 0.9, 0.999, 1e-8);
            Adam scheduled = new Adam(1e-3, 0.9, 0.999, 1e-8);
            for (double[] g : new double[][] {G1, G2, G1}) {
                step(plain, a, g);
                scheduled.learningRateFactor(1);
                step(scheduled, b, g);
            }
            assertEquals(a.values(), b.values(), type.toString());
        }
    }

    @Test
    void anOptimizerWithoutALearningRateRefusesASchedule() {
        Optimizer bare = new Optimizer() {
            @Override
            public void step(INDArray values, INDArray gradients) {
            }

            @Override
            public long iteration() {
                return 0;
            }

            @Override
            public Map<String, INDArray> state() {
                return Map.of();
            }

            @Override
            public void loadState(Map<String, INDArray> state) {
            }
        };
        bare.learningRateFactor(1);
        assertTrue(Double.isNaN(bare.learningRate()));
        assertThrows(UnsupportedOperationException.class, () -> bare.learningRateFactor(0.5));
    }

    @Test
    void sgdMomentumStartsItsBufferAtTheFirstGradientAsPyTorch() {
        ParameterStore s = store(P0, DataType.DOUBLE);
        Sgd sgd = new Sgd(0.1, 0.9);
        // step 1: b = g1 = [0.5, -1, 2]; p = [0.95, 2.1, -3.2]
        step(sgd, s, G1);
        assertArrayEquals(new double[] {0.95, 2.1, -3.2}, values(s), 1e-15);
        // step 2: b = 0.9 g1 + g2 = [0.55, -0.6, -2.2]; p -= 0.1 b
        step(sgd, s, G2);
        assertArrayEquals(new double[] {0.895, 2.16, -2.98}, values(s), 1e-14);
        assertArrayEquals(new double[] {0.55, -0.6, -2.2}, sgd.state().get("momentum").toDoubleVector(), 1e-15);
        // step 3 with g = 0: b = 0.9 b; p -= 0.1 b
        step(sgd, s, new double[3]);
        assertArrayEquals(new double[] {0.895 - 0.0495, 2.16 + 0.054, -2.98 + 0.198}, values(s), 1e-14);
    }

    /** The Javadoc's Adam: m, v moving averages; p -= lr/(1-b1^t) m / (sqrt(v)/sqrt(1-b2^t) + eps). */
    private static double[] adamByFormula(double lr, double b1, double b2, double eps, double[][] grads) {
        double[] p = P0.clone();
        double[] m = new double[3];
        double[] v = new double[3];
        for (int t = 1; t <= grads.length; t++) {
            for (int i = 0; i < 3; i++) {
                double g = grads[t - 1][i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                p[i] -= lr / (1 - Math.pow(b1, t)) * m[i] / (Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(b2, t)) + eps);
            }
        }
        return p;
    }

    @Test
    void adamTwoStepsFollowTheDocumentedFormula() {
        ParameterStore s = store(P0, DataType.DOUBLE);
        Adam adam = new Adam(0.1, 0.9, 0.999, 1e-8);
        step(adam, s, G1);
        // at t = 1 the bias-corrected step is lr * g / (|g| + eps): every element moves by ~lr
        assertArrayEquals(new double[] {0.9, 2.1, -3.1}, values(s), 1e-8);
        assertArrayEquals(adamByFormula(0.1, 0.9, 0.999, 1e-8, new double[][] {G1}), values(s), 1e-15);
        step(adam, s, G2);
        assertArrayEquals(adamByFormula(0.1, 0.9, 0.999, 1e-8, new double[][] {G1, G2}), values(s), 1e-14);
        // m = 0.9 * 0.1 g1 + 0.1 g2, v = 0.999 * 0.001 g1^2 + 0.001 g2^2
        double[] m = new double[3];
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            m[i] = 0.09 * G1[i] + 0.1 * G2[i];
            v[i] = 0.999 * 0.001 * G1[i] * G1[i] + 0.001 * G2[i] * G2[i];
        }
        assertArrayEquals(m, adam.state().get("m").toDoubleVector(), 1e-15);
        assertArrayEquals(v, adam.state().get("v").toDoubleVector(), 1e-15);
        assertEquals(2L, adam.state().get("iteration").getLong(0));
    }

    @Test
    void adamEpsilonIsAddedAfterTheBiasCorrection() {
        // with a large eps and small gradients, where eps goes matters: PyTorch's placement
        // (documented) gives 0.1 * 0.02 / (0.02 + 0.01) at t = 1, ND4J's would give a third of that
        ParameterStore s = store(P0, DataType.DOUBLE);
        Adam adam = new Adam(0.1, 0.9, 0.999, 0.01);
        double[] g = {0.02, -0.02, 0.005};
        step(adam, s, g);
        assertArrayEquals(new double[] {1 - 0.1 * 0.02 / 0.03, 2 + 0.1 * 0.02 / 0.03, -3 - 0.1 * 0.005 / 0.015},
                values(s), 1e-15);
        step(adam, s, G2);
        assertArrayEquals(adamByFormula(0.1, 0.9, 0.999, 0.01, new double[][] {g, G2}), values(s), 1e-14);
    }

    /** The Javadoc's Adamax: u = max(b2 u, |g| + eps), p -= lr/(1-b1^t) m / u. */
    private static double[] adamaxByFormula(double lr, double b1, double b2, double eps, double[][] grads) {
        double[] p = P0.clone();
        double[] m = new double[3];
        double[] u = new double[3];
        for (int t = 1; t <= grads.length; t++) {
            for (int i = 0; i < 3; i++) {
                double g = grads[t - 1][i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                u[i] = Math.max(b2 * u[i], Math.abs(g) + eps);
                p[i] -= lr / (1 - Math.pow(b1, t)) * m[i] / u[i];
            }
        }
        return p;
    }

    @Test
    void adamaxTwoStepsFollowTheDocumentedFormula() {
        ParameterStore s = store(P0, DataType.DOUBLE);
        Adamax adamax = new Adamax(0.002, 0.9, 0.999, 1e-8);
        step(adamax, s, G1);
        assertArrayEquals(new double[] {0.998, 2.002, -3.002}, values(s), 1e-10);
        assertArrayEquals(adamaxByFormula(0.002, 0.9, 0.999, 1e-8, new double[][] {G1}), values(s), 1e-15);
        step(adamax, s, G2);
        assertArrayEquals(adamaxByFormula(0.002, 0.9, 0.999, 1e-8, new double[][] {G1, G2}), values(s), 1e-15);
        // u keeps the decayed larger |g1| for the first two elements and takes |g2| for the third
        assertArrayEquals(new double[] {0.999 * (0.5 + 1e-8), 0.999 * (1 + 1e-8), 4 + 1e-8},
                adamax.state().get("u").toDoubleVector(), 1e-15);
    }

    @Test
    void adamaxWithLargeEpsilonAddsItToTheGradientMagnitude() {
        ParameterStore s = store(P0, DataType.DOUBLE);
        Adamax adamax = new Adamax(0.1, 0.9, 0.999, 0.5);
        double[] g = {0.5, -1, 0};
        step(adamax, s, g);
        // t = 1: p -= 0.1 g / (|g| + 0.5)
        assertArrayEquals(new double[] {1 - 0.05, 2 + 0.1 / 1.5, -3}, values(s), 1e-15);
        step(adamax, s, G2);
        assertArrayEquals(adamaxByFormula(0.1, 0.9, 0.999, 0.5, new double[][] {g, G2}), values(s), 1e-15);
    }

    @Test
    void floatModelsUpdateInFloat() {
        ParameterStore s = store(P0, DataType.FLOAT);
        Adam adam = new Adam(0.1, 0.9, 0.999, 1e-8);
        step(adam, s, G1);
        step(adam, s, G2);
        assertEquals(DataType.FLOAT, s.values().dataType());
        assertArrayEquals(adamByFormula(0.1, 0.9, 0.999, 1e-8, new double[][] {G1, G2}), values(s), 1e-6);
        ParameterStore s2 = store(P0, DataType.FLOAT);
        Sgd sgd = new Sgd(0.1, 0.9);
        step(sgd, s2, G1);
        step(sgd, s2, G2);
        assertArrayEquals(new double[] {0.895, 2.16, -2.98}, values(s2), 1e-6);
        ParameterStore s3 = store(P0, DataType.FLOAT);
        Adamax adamax = new Adamax(0.002, 0.9, 0.999, 1e-8);
        step(adamax, s3, G1);
        step(adamax, s3, G2);
        assertArrayEquals(adamaxByFormula(0.002, 0.9, 0.999, 1e-8, new double[][] {G1, G2}), values(s3), 1e-6);
    }

    private static Map<String, double[]> snapshot(Map<String, INDArray> state) {
        Map<String, double[]> out = new LinkedHashMap<>();
        state.forEach((k, v) -> out.put(k, v.castTo(DataType.DOUBLE).toDoubleVector()));
        return out;
    }

    private static void assertSameState(Map<String, INDArray> expected, Map<String, INDArray> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        Map<String, double[]> e = snapshot(expected);
        Map<String, double[]> a = snapshot(actual);
        e.forEach((k, v) -> assertArrayEquals(v, a.get(k), 0, k));
    }

    @Test
    void stateRoundTripContinuesIdentically() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            for (Optimizer[] pair : new Optimizer[][] {
                {new Adam(0.1, 0.9, 0.999, 1e-8), new Adam(0.1, 0.9, 0.999, 1e-8)},
                {new Adamax(0.01, 0.9, 0.999, 1e-8), new Adamax(0.01, 0.9, 0.999, 1e-8)},
                {new Sgd(0.1, 0.9), new Sgd(0.1, 0.9)}}) {
                Optimizer a = pair[0];
                Optimizer b = pair[1];
                String what = a.getClass().getSimpleName() + " " + type;
                ParameterStore sa = store(P0, type);
                step(a, sa, G1);
                step(a, sa, G2);
                Map<String, INDArray> saved = a.state();
                assertEquals(2L, saved.get("iteration").getLong(0), what);

                ParameterStore sb = store(values(sa), type);
                b.loadState(saved);
                assertEquals(2, b.iteration(), what);
                assertSameState(saved, b.state());
                double[] g3 = {-0.7, 0.2, 1.5};
                step(a, sa, g3);
                step(b, sb, g3);
                assertArrayEquals(values(sa), values(sb), 0, what + " continues bit-identically");
                assertSameState(a.state(), b.state());
                // the saved map was a copy: stepping on did not change it
                assertEquals(2L, saved.get("iteration").getLong(0), what);
            }
        }
    }

    @Test
    void stateIsOnlyTheIterationBeforeTheFirstStep() {
        Adam adam = new Adam(0.1, 0.9, 0.999, 1e-8);
        Map<String, INDArray> state = adam.state();
        assertEquals(List.of("iteration"), List.copyOf(state.keySet()));
        assertEquals(0L, state.get("iteration").getLong(0));
        Adam other = new Adam(0.1, 0.9, 0.999, 1e-8);
        other.loadState(state);
        ParameterStore s = store(P0, DataType.DOUBLE);
        step(other, s, G1);
        assertArrayEquals(adamByFormula(0.1, 0.9, 0.999, 1e-8, new double[][] {G1}), values(s), 1e-15);
    }

    @Test
    void loadStateNamesWhatIsMissing() {
        Adam adam = new Adam(0.1, 0.9, 0.999, 1e-8);
        IllegalArgumentException noIteration = assertThrows(IllegalArgumentException.class,
                () -> adam.loadState(Map.of("m", Nd4j.zeros(3), "v", Nd4j.zeros(3))));
        assertTrue(noIteration.getMessage().contains("'iteration'"), noIteration.getMessage());
        IllegalArgumentException noV = assertThrows(IllegalArgumentException.class,
                () -> adam.loadState(Map.of("m", Nd4j.zeros(3), "iteration", Nd4j.createFromArray(4L))));
        assertTrue(noV.getMessage().contains("'v'"), noV.getMessage());
        IllegalArgumentException noU = assertThrows(IllegalArgumentException.class,
                () -> new Adamax(0.1, 0.9, 0.999, 1e-8).loadState(
                        Map.of("m", Nd4j.zeros(3), "iteration", Nd4j.createFromArray(4L))));
        assertTrue(noU.getMessage().contains("'u'"), noU.getMessage());
        assertEquals(0, adam.iteration(), "a failed load changes nothing");
    }

    @Test
    void stateOfAnotherModelIsRejectedNotZeroed() {
        Optimizer trained = new Adam(0.1, 0.9, 0.999, 1e-8);
        ParameterStore five = store(new double[] {1, 2, 3, 4, 5}, DataType.FLOAT);
        step(trained, five, new double[] {1, 1, 1, 1, 1});
        Optimizer resumed = new Adam(0.1, 0.9, 0.999, 1e-8);
        resumed.loadState(trained.state());
        ParameterStore three = store(P0, DataType.FLOAT);
        three.gradients().assign(Nd4j.createFromArray(G1).castTo(DataType.FLOAT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resumed.step(three.values(), three.gradients()));
        assertEquals("optimizer state has 5 values per vector but the model has 3 "
                + "FLOAT parameters: the checkpoint belongs to a different model", e.getMessage());
    }
}
