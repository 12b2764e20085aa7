package org.vae4j.engine.layers;

import org.vae4j.api.Pass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vae4j.api.Layer;
import org.vae4j.engine.gradcheck.GradientCheck;
import org.vae4j.engine.init.Initializer;

/**
 * Finite-difference checks of every layer's backward pass, in double precision. Inputs keep at
 * least {@link #KINK_MARGIN} away from 0, where ReLU, LeakyReLU and ELU have kinks, by
 * construction; the central difference uses eps = 1e-6, so no perturbation crosses a kink.
 */
class LayerGradientTest {
    /** Relative tolerance: the central difference's truncation error is O(eps^2) = 1e-12. */
    private static final double TOLERANCE = 1e-6;
    private static final double KINK_MARGIN = 0.05;

    /**
     * {@code [n, d]} values in [-2.05, -0.05] U [0.05, 2.05]: uniform in [-2, 2], pushed away from
     * zero by {@link #KINK_MARGIN}.
     */
    static INDArray awayFromZero(long seed, long n, long d) {
        INDArray u = Nd4j.createUninitialized(DataType.DOUBLE, n, d);
        Random r = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        Nd4j.getExecutioner().exec(new UniformDistribution(u, -2.0, 2.0), r);
        INDArray out = u.add(Transforms.sign(u, true).muli(KINK_MARGIN));
        assertTrue(Transforms.abs(out, true).minNumber().doubleValue() >= KINK_MARGIN - 1e-15);
        return out;
    }

    private static Random rng(long seed) {
        return Nd4j.getRandomFactory().getNewRandomInstance(seed);
    }

    /** The layer's gradients, and the same when it runs twice in a step (0.8 x input the second time). */
    private static void check(Layer layer, INDArray input, long seed) {
        check(layer, input, input.mul(0.8), seed);
    }

    private static void check(Layer layer, INDArray input, INDArray second, long seed) {
        GradientCheck.Report report = GradientCheck.layer(layer, input, seed);
        report.assertWithin(TOLERANCE);
        assertTrue(report.results().containsKey("input"));
        GradientCheck.twoPasses(layer, input, second, seed + 1).assertWithin(TOLERANCE);
    }

    @Test
    void relu() {
        check(new ReLU(7), awayFromZero(1, 4, 7), 11);
    }

    @Test
    void leakyReluDefaultAndSteepSlope() {
        check(new LeakyReLU(0.01, 7), awayFromZero(2, 4, 7), 12);
        check(new LeakyReLU(0.2, 7), awayFromZero(3, 4, 7), 13);
    }

    @Test
    void eluUnitAndOtherAlpha() {
        check(new ELU(1.0, 7), awayFromZero(4, 4, 7), 14);
        check(new ELU(0.5, 7), awayFromZero(5, 4, 7), 15);
    }

    @Test
    void geluExactErfForm() {
        check(new GELU(7), awayFromZero(6, 4, 7).muli(1.5), 16);
    }

    @Test
    void tanh() {
        check(new Tanh(7), awayFromZero(7, 4, 7), 17);
    }

    @Test
    void sigmoid() {
        check(new Sigmoid(7), awayFromZero(8, 4, 7).muli(2), 18);
    }

    @Test
    void softplus() {
        check(new Softplus(7), awayFromZero(9, 4, 7).muli(2), 19);
    }

    @Test
    void denseInputWeightAndBias() {
        for (Initializer init : Initializer.values()) {
            Dense dense = new Dense(5, 3, init, DataType.DOUBLE, rng(21));
            if (init != Initializer.PYTORCH) {
                // XAVIER and HE start biases at 0; give them values so the check is not trivial
                dense.parameters().get(1).value().assign(Nd4j.createFromArray(new double[][] {{0.3, -0.2, 0.7}}));
            }
            GradientCheck.Report report = GradientCheck.layer(dense, awayFromZero(22, 4, 5), 23);
            report.assertWithin(TOLERANCE);
            assertTrue(report.results().keySet().containsAll(List.of("input", "0:weight", "1:bias")),
                    report.toString());
        }
    }

    @Test
    void shallowStacksOfEveryActivation() {
        for (String name : Activations.NAMES) {
            Random r = rng(51);
            Dense d0 = new Dense(4, 5, Initializer.XAVIER, DataType.DOUBLE, r);
            Dense d1 = new Dense(5, 3, Initializer.XAVIER, DataType.DOUBLE, r);
            d0.parameters().get(1).value().assign(Nd4j.createFromArray(new double[][] {{0.3, -0.2, 0.1, 0.5, -0.4}}));
            d1.parameters().get(1).value().assign(Nd4j.createFromArray(new double[][] {{-0.1, 0.2, 0.3}}));
            Sequential net = new Sequential(List.of(d0, Activations.named(name, 5), d1));
            INDArray x = awayFromZero(52, 3, 4);
            // precondition for the kinked ones: no pre-activation within 1e-3 of 0
            INDArray pre = d0.forward(x, Pass.inference()).dup();
            assertTrue(Transforms.abs(pre, true).minNumber().doubleValue() > 1e-3, name + ": " + pre);
            GradientCheck.Report report = GradientCheck.layer(net, x, 53);
            report.assertWithin(TOLERANCE);
            assertEquals(5, report.results().size(), report.toString());
        }
    }

    /**
     * Five dense layers with four different activations. The tolerance is 1e-5 rather than 1e-6:
     * evaluating this deeper stack carries ~5e-16 of round-off noise in the loss, which the
     * central difference with eps = 1e-6 turns into ~2.5e-10 absolute error, and the smallest
     * weight gradients of the first layer are ~2e-5 (relative error ~1e-5 from round-off alone;
     * measured 2.7e-6). A real backward mistake is off by far more than 1e-5.
     */
    @Test
    void deepSequentialOfSmoothActivations() {
        Random r = rng(31);
        Sequential net = new Sequential(List.of(
                new Dense(6, 5, Initializer.XAVIER, DataType.DOUBLE, r), new Tanh(5),
                new Dense(5, 4, Initializer.XAVIER, DataType.DOUBLE, r), new GELU(4),
                new Dense(4, 4, Initializer.XAVIER, DataType.DOUBLE, r), new Sigmoid(4),
                new Dense(4, 3, Initializer.XAVIER, DataType.DOUBLE, r), new Softplus(3),
                new Dense(3, 2, Initializer.XAVIER, DataType.DOUBLE, r)));
        for (org.vae4j.api.Parameter p : GradientCheck.allParameters(net)) {
            if (p.name().equals("bias")) {
                INDArray b = Nd4j.createUninitialized(DataType.DOUBLE, p.value().shape());
                Nd4j.getExecutioner().exec(new UniformDistribution(b, -0.5, 0.5), r);
                p.value().assign(b);
            }
        }
        GradientCheck.Report report = GradientCheck.layer(net, awayFromZero(32, 3, 6), 33);
        report.assertWithin(1e-5);
        // input + 5 dense layers x (weight, bias)
        assertEquals(11, report.results().size(), report.toString());
        // all but the first layer's weights (smallest gradients) also pass the strict tolerance
        report.results().forEach((k, v) -> {
            if (!k.equals("0:weight")) {
                assertTrue(v.relativeError() <= TOLERANCE, k + ": " + v);
            }
        });
    }

    @Test
    void sequentialWithKinkedActivationsAwayFromTheKinks() {
        Random r = rng(41);
        Dense d0 = new Dense(6, 5, Initializer.PYTORCH, DataType.DOUBLE, r);
        Dense d1 = new Dense(5, 5, Initializer.PYTORCH, DataType.DOUBLE, r);
        Dense d2 = new Dense(5, 4, Initializer.PYTORCH, DataType.DOUBLE, r);
        Dense d3 = new Dense(4, 2, Initializer.PYTORCH, DataType.DOUBLE, r);
        Sequential net = new Sequential(List.of(d0, new ReLU(5), d1, new LeakyReLU(0.1, 5), d2, new ELU(1.0, 4), d3));
        INDArray x = awayFromZero(42, 3, 6);
        // precondition: every pre-activation feeding a kink is at least 1e-3 from 0, so an eps of
        // 1e-6 on any input or weight (|x|, |h| <= ~2) cannot cross it
        INDArray a0 = d0.forward(x, Pass.inference()).dup();
        INDArray h0 = new ReLU(5).forward(a0, Pass.inference()).dup();
        INDArray a1 = d1.forward(h0, Pass.inference()).dup();
        INDArray h1 = new LeakyReLU(0.1, 5).forward(a1, Pass.inference()).dup();
        INDArray a2 = d2.forward(h1, Pass.inference()).dup();
        for (INDArray pre : new INDArray[] {a0, a1, a2}) {
            assertTrue(Transforms.abs(pre, true).minNumber().doubleValue() > 1e-3, "pre-activation near a kink: " + pre);
        }
        // some units inactive, some active: the check covers both branches of ReLU
        assertTrue(a0.lt(0).any() && a0.gt(0).any(), a0.toString());
        // the second run sees the same checked input (another could lie near a kink)
        check(net, x, x.dup(), 43);
    }
}
