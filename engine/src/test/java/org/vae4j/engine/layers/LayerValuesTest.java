package org.vae4j.engine.layers;

import org.vae4j.api.Pass;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.engine.init.Initializer;

/** Forward values and derivatives worked by hand, and the error messages of misuse. */
class LayerValuesTest {
    private static final Pass pass = Pass.training();
    private static final double TOL = 1e-12;
    private static final double LN2 = 0.6931471805599453;

    private static INDArray row(double... v) {
        return Nd4j.createFromArray(new double[][] {v});
    }

    /** f(x) and f'(x) (from backward with gradOutput 1) at the given points. */
    private static void assertActivation(Layer layer, double[] x, double[] f, double[] df) {
        assertActivation(layer, x, f, df, TOL);
    }

    private static void assertActivation(Layer layer, double[] x, double[] f, double[] df, double derivativeTol) {
        INDArray in = row(x);
        INDArray out = layer.forward(in, pass).dup();
        assertArrayEquals(f, out.toDoubleVector(), TOL, layer.describe() + " values");
        INDArray grad = layer.backward(Nd4j.ones(DataType.DOUBLE, 1, x.length), pass, true).dup();
        assertArrayEquals(df, grad.toDoubleVector(), derivativeTol, layer.describe() + " derivative");
        assertArrayEquals(x, in.toDoubleVector(), 0, "input untouched");
    }

    @Test
    void geluIsTheExactErfForm() {
        // x Phi(x): Phi(1) = 0.841344746068543, Phi(2) = 0.977249868051821; d/dx = Phi(x) + x phi(x)
        double phi1 = 0.24197072451914337;
        assertActivation(new GELU(4), new double[] {1, -1, 0, 2},
                new double[] {0.8413447460685429, -0.15865525393145707, 0, 1.9544997361036416},
                new double[] {0.8413447460685429 + phi1, 0.15865525393145707 - phi1, 0.5,
                    0.9772498680518208 + 2 * 0.05399096651318806});
    }

    @Test
    void softplusAtZeroIsLogTwo() {
        assertActivation(new Softplus(3), new double[] {0, 1, -1},
                new double[] {LN2, 1.3132616875182228, 0.31326168751822286},
                new double[] {0.5, 0.7310585786300049, 0.2689414213699951});
    }

    @Test
    void sigmoidAndTanh() {
        assertActivation(new Sigmoid(2), new double[] {0, 2},
                new double[] {0.5, 0.8807970779778823}, new double[] {0.25, 0.8807970779778823 * 0.11920292202211769});
        double t = 0.46211715726000974;
        assertActivation(new Tanh(2), new double[] {0.5, 0}, new double[] {t, 0}, new double[] {1 - t * t, 1});
    }

    @Test
    void piecewiseLinearActivations() {
        // ReLU's derivative at exactly 0 is 0, as PyTorch takes it
        assertActivation(new ReLU(3), new double[] {-1, 0.5, 0}, new double[] {0, 0.5, 0}, new double[] {0, 1, 0});
        // ND4J's LeakyReLUBp op carries the slope as a float: 0.01f = 0.009999999776, so the
        // derivative of the negative branch is exact only to ~2e-8 relative even in DOUBLE
        assertActivation(new LeakyReLU(0.01, 2), new double[] {-2, 3}, new double[] {-0.02, 3}, new double[] {0.01, 1}, 1e-9);
        assertActivation(new ELU(1.0, 2), new double[] {-1, 3},
                new double[] {Math.exp(-1) - 1, 3}, new double[] {Math.exp(-1), 1});
        assertActivation(new ELU(0.5, 2), new double[] {-2, 0.25},
                new double[] {0.5 * (Math.exp(-2) - 1), 0.25}, new double[] {0.5 * Math.exp(-2), 1});
        // EluBp, like LeakyReLUBp, carries alpha as a float (0.3f = 0.3000000119): ~4e-8 relative
        assertActivation(new ELU(0.3, 2), new double[] {-2, 0.25},
                new double[] {0.3 * (Math.exp(-2) - 1), 0.25}, new double[] {0.3 * Math.exp(-2), 1}, 1e-8);
        assertActivation(new LeakyReLU(0.2, 2), new double[] {-2, 3}, new double[] {-0.4, 3}, new double[] {0.2, 1}, 1e-8);
    }

    @Test
    void activationsByName() {
        assertEquals("ReLU", Activations.named("relu", 3).describe());
        assertEquals("LeakyReLU(0.01)", Activations.named("leaky-relu", 3).describe());
        assertEquals("ELU(1.0)", Activations.named("elu", 3).describe());
        assertArrayEquals(new long[] {3}, Activations.named("gelu", 3).outputShape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.named("swish", 3));
        assertTrue(e.getMessage().contains("'swish'") && e.getMessage().contains("relu, leaky-relu, elu, gelu, tanh, sigmoid, softplus"),
                e.getMessage());
    }

    /** W = [[1,2],[3,4],[5,6]], b = [0.5, -1]. */
    private static Dense knownDense() {
        Dense d = new Dense(3, 2, Initializer.XAVIER, DataType.DOUBLE, Nd4j.getRandomFactory().getNewRandomInstance(1));
        d.parameters().get(0).value().assign(Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, 6}}));
        d.parameters().get(1).value().assign(row(0.5, -1));
        return d;
    }

    @Test
    void denseWithKnownWeights() {
        Dense d = knownDense();
        assertEquals("Dense(3 -> 2)", d.describe());
        assertEquals(List.of("weight", "bias"), d.parameters().stream().map(p -> p.name()).toList());
        assertArrayEquals(new long[] {3, 2}, d.parameters().get(0).value().shape());
        assertArrayEquals(new long[] {1, 2}, d.parameters().get(1).value().shape());
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 0, -1}, {2, 1, 0}});
        INDArray y = d.forward(x, pass);
        assertArrayEquals(new double[] {-3.5, -5, 5.5, 7}, y.dup().reshape(4).toDoubleVector(), TOL);

        INDArray g = Nd4j.createFromArray(new double[][] {{1, -1}, {0.5, 2}});
        INDArray gx = d.backward(g, pass, true);
        // dx = g W^T, dW = x^T g, db = sum_n g
        assertArrayEquals(new double[] {-1, -1, -1, 4.5, 9.5, 14.5}, gx.dup().reshape(6).toDoubleVector(), TOL);
        assertArrayEquals(new double[] {2, 3, 0.5, 2, -1, 1},
                d.parameters().get(0).gradient().dup().reshape(6).toDoubleVector(), TOL);
        assertArrayEquals(new double[] {1.5, 1}, d.parameters().get(1).gradient().toDoubleVector(), TOL);
    }

    @Test
    void backwardWithoutInputGradientReturnsNullAndAddsToParameterGradients() {
        Dense d = knownDense();
        d.parameters().get(0).gradient().assign(100);
        d.parameters().get(1).gradient().assign(100);
        d.forward(Nd4j.createFromArray(new double[][] {{1, 0, -1}, {2, 1, 0}}), pass);
        INDArray g = Nd4j.createFromArray(new double[][] {{1, -1}, {0.5, 2}});
        assertNull(d.backward(g, pass, false));
        assertArrayEquals(new double[] {102, 103, 100.5, 102, 99, 101},
                d.parameters().get(0).gradient().dup().reshape(6).toDoubleVector(), TOL);
        assertNull(d.backward(g, pass, false), "a second backward adds the gradient again");
        assertArrayEquals(new double[] {104, 106, 101, 104, 98, 102},
                d.parameters().get(0).gradient().dup().reshape(6).toDoubleVector(), TOL);
        assertArrayEquals(new double[] {103, 102}, d.parameters().get(1).gradient().toDoubleVector(), TOL);

        Tanh t = new Tanh(2);
        t.forward(row(0.1, 0.2), pass);
        assertNull(t.backward(row(1, 1), pass, false));
    }

    @Test
    void sequentialBackwardWithoutInputGradientStillSetsFirstLayerGradients() {
        Dense first = knownDense();
        Sequential s = new Sequential(List.of(first, new ReLU(2)));
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 0, -1}, {2, 1, 0}});
        INDArray y = s.forward(x, pass);
        // ReLU of [[-3.5, -5], [5.5, 7]]
        assertArrayEquals(new double[] {0, 0, 5.5, 7}, y.dup().reshape(4).toDoubleVector(), TOL);
        assertNull(s.backward(Nd4j.createFromArray(new double[][] {{1, -1}, {0.5, 2}}), pass, false));
        // the ReLU zeroes row 0's gradient: dW = x1^T [0.5, 2], db = [0.5, 2]
        assertArrayEquals(new double[] {1, 4, 0.5, 2, 0, 0},
                first.parameters().get(0).gradient().dup().reshape(6).toDoubleVector(), TOL);
        assertArrayEquals(new double[] {0.5, 2}, first.parameters().get(1).gradient().toDoubleVector(), TOL);
        assertEquals("Dense(3 -> 2) -> ReLU", s.describe());
        assertArrayEquals(new long[] {3}, s.inputShape());
        assertArrayEquals(new long[] {2}, s.outputShape());
    }

    @Test
    void sequentialNamesTheLayersWhoseShapesDoNotFit() {
        Dense d = new Dense(3, 4, Initializer.PYTORCH, DataType.DOUBLE, Nd4j.getRandomFactory().getNewRandomInstance(1));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> new Sequential(List.of(new Tanh(3), d, new ReLU(5))));
        assertEquals("layer 2 (ReLU) expects input [5] but layer 1 (Dense(3 -> 4)) outputs [4]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Sequential(List.of()));
    }

    @Test
    void denseRejectsTheWrongInputWidthNamingItself() {
        Dense d = knownDense();
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> d.forward(Nd4j.zeros(DataType.DOUBLE, 2, 4), Pass.inference()));
        assertTrue(e.getMessage().startsWith("Dense(3 -> 2)"), e.getMessage());
        assertTrue(e.getMessage().contains("[N, 3]") && e.getMessage().contains("[2, 4]"), e.getMessage());
        assertThrows(ShapeMismatchException.class, () -> d.forward(Nd4j.zeros(DataType.DOUBLE, 3), Pass.inference()));
        ShapeMismatchException zero = assertThrows(ShapeMismatchException.class,
                () -> new Dense(0, 2, Initializer.PYTORCH, DataType.DOUBLE, Nd4j.getRandomFactory().getNewRandomInstance(1)));
        assertTrue(zero.getMessage().contains("Dense(0 -> 2)"), zero.getMessage());
    }

    @Test
    void backwardBeforeATrainingForwardIsRefusedNamingTheLayer() {
        Dense d = knownDense();
        d.forward(Nd4j.zeros(DataType.DOUBLE, 1, 3), Pass.inference());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> d.backward(Nd4j.zeros(DataType.DOUBLE, 1, 2), pass, true));
        assertTrue(e.getMessage().contains("Dense(3 -> 2)"), e.getMessage());
        IllegalStateException a = assertThrows(IllegalStateException.class,
                () -> new GELU(2).backward(Nd4j.zeros(DataType.DOUBLE, 1, 2), pass, true));
        assertTrue(a.getMessage().contains("GELU"), a.getMessage());
    }

    @Test
    void pytorchInitializerBoundsAreOneOverSqrtFanIn() {
        Dense d = new Dense(16, 50, Initializer.PYTORCH, DataType.DOUBLE, Nd4j.getRandomFactory().getNewRandomInstance(5));
        for (int i = 0; i < 2; i++) {
            INDArray v = d.parameters().get(i).value();
            assertTrue(v.maxNumber().doubleValue() <= 0.25 && v.minNumber().doubleValue() >= -0.25);
            // 800 (or 50) uniform draws reach well beyond half the bound
            assertTrue(v.maxNumber().doubleValue() > 0.15 && v.minNumber().doubleValue() < -0.15);
        }
    }
}
