package org.vae4j.engine.params;

import org.vae4j.api.Pass;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.api.Parameter;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Dense;
import org.vae4j.engine.layers.Tanh;
import org.vae4j.api.model.ParameterGroup;
import org.vae4j.engine.layers.Sequential;
import org.vae4j.engine.train.TwoPhaseModel;

class ParameterStoreTest {
    private final Pass pass = Pass.training();

    private static Dense dense(long in, long out, long seed) {
        return new Dense(in, out, Initializer.PYTORCH, DataType.DOUBLE, Nd4j.getRandomFactory().getNewRandomInstance(seed));
    }

    @Test
    void flatteningKeepsValuesInOrderAndMakesThemViews() {
        Dense a = dense(3, 2, 1);
        Dense b = dense(2, 4, 2);
        Sequential enc = new Sequential(List.of(a, new Tanh(2), b));
        double[] aw = a.parameters().get(0).value().dup().reshape(6).toDoubleVector();
        double[] ab = a.parameters().get(1).value().dup().reshape(2).toDoubleVector();
        double[] bw = b.parameters().get(0).value().dup().reshape(8).toDoubleVector();
        double[] bb = b.parameters().get(1).value().dup().reshape(4).toDoubleVector();
        Parameter extra = new Parameter("scale", Nd4j.createFromArray(new double[][] {{7, 8}}));
        Map<String, Layer> roots = new LinkedHashMap<>();
        roots.put("encoder", enc);
        ParameterStore store = ParameterStore.of(new ParameterGroup("model", roots, Map.of("prior", List.of(extra))),
                DataType.DOUBLE);

        assertEquals(List.of("encoder.0.weight", "encoder.0.bias", "encoder.2.weight", "encoder.2.bias", "prior.scale"),
                List.copyOf(store.byName().keySet()));
        assertEquals(6 + 2 + 8 + 4 + 2, store.count());
        double[] flat = store.values().toDoubleVector();
        double[] expected = new double[22];
        int o = 0;
        for (double[] part : new double[][] {aw, ab, bw, bb, {7, 8}}) {
            System.arraycopy(part, 0, expected, o, part.length);
            o += part.length;
        }
        assertArrayEquals(expected, flat, 0);
        assertArrayEquals(new long[] {3, 2}, store.byName().get("encoder.0.weight").value().shape());
        assertArrayEquals(new long[] {1, 4}, store.byName().get("encoder.2.bias").value().shape());

        // writing the flat vector changes what the layers compute with, and the other way round
        store.values().assign(0);
        INDArray y = enc.forward(Nd4j.ones(DataType.DOUBLE, 1, 3), Pass.inference());
        assertArrayEquals(new double[4], y.toDoubleVector(), 0);
        extra.value().putScalar(0, 1, 5.0);
        assertEquals(5.0, store.values().getDouble(21));

        // a backward pass writes straight into the flat gradient vector
        a.parameters().get(0).value().assign(Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, 6}}));
        a.forward(Nd4j.createFromArray(new double[][] {{1, 0, -1}, {2, 1, 0}}), pass);
        a.backward(Nd4j.createFromArray(new double[][] {{1, -1}, {0.5, 2}}), pass, false);
        assertArrayEquals(new double[] {2, 3, 0.5, 2, -1, 1, 1.5, 1},
                store.gradients().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 8)).toDoubleVector(), 1e-15);
    }

    @Test
    void modelParametersNameEveryGroupsParametersByPath() {
        ModelParameters params = ModelParameters.of(new TwoPhaseModel(3, 4, 5, DataType.DOUBLE), DataType.DOUBLE);
        assertEquals(List.of("first", "second"), List.copyOf(params.groups().keySet()));
        assertEquals(List.of("first.0.weight", "first.0.bias", "second.weight", "second.bias"),
                List.copyOf(params.parameters().keySet()));
        assertEquals(4 * 5 + 5 + 5 * 4 + 4, params.count());
        assertEquals(4 * 5 + 5, params.group("first").count());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> params.group("third"));
        assertEquals("the model has no parameter group 'third'; its groups: first, second", none.getMessage());
    }

    @Test
    void zeroGradientsClearsTheGroupsFlatGradient() {
        ParameterStore store = small();
        store.gradients().assign(3);
        store.zeroGradients();
        assertEquals(0, store.gradients().sumNumber().doubleValue(), 0);
        assertEquals(0, store.byName().get("encoder.0.weight").gradient().sumNumber().doubleValue(), 0);
    }

    /** Two runs of a layer, each in its pass, add their gradients: a model may run a network twice per step. */
    @Test
    void backwardPassesAddToTheGradients() {
        Dense d = dense(2, 3, 1);
        ParameterStore store = ParameterStore.of(ParameterGroup.of("model", Map.of("d", d)), DataType.DOUBLE);
        store.zeroGradients();
        Pass one = Pass.training();
        Pass two = Pass.training();
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2}});
        d.forward(x, one);
        d.forward(x.mul(2), two);
        d.backward(Nd4j.ones(DataType.DOUBLE, 1, 3), two, false);
        d.backward(Nd4j.ones(DataType.DOUBLE, 1, 3), one, false);
        // dW = x^T 1 + (2x)^T 1 = 3 x^T 1; db = 1 + 1
        assertArrayEquals(new double[] {3, 3, 3, 6, 6, 6, 2, 2, 2}, store.gradients().toDoubleVector(), 1e-15);
    }

    private static ParameterStore small() {
        return ParameterStore.of(ParameterGroup.of("model", Map.of("encoder", new Sequential(List.of(dense(2, 3, 1))))),
                DataType.DOUBLE);
    }

    /** A model of one group with one dense layer 2 -> 3, its parameters in a {@link ModelParameters}. */
    private static ModelParameters smallModel() {
        Layer network = new Sequential(List.of(dense(2, 3, 1)));
        return ModelParameters.of(new org.vae4j.api.model.Model() {
            @Override
            public List<ParameterGroup> parameterGroups() {
                return List.of(ParameterGroup.of("model", Map.of("encoder", network)));
            }

            @Override
            public List<org.vae4j.api.model.TrainingPhase> phases() {
                return List.of();
            }

            @Override
            public org.vae4j.api.model.Metrics evaluate(org.vae4j.api.data.Batch batch,
                                                        org.nd4j.linalg.api.rng.Random random) {
                return new org.vae4j.api.model.Metrics();
            }

            @Override
            public List<org.vae4j.api.model.MetricInfo> metrics() {
                return List.of();
            }

            @Override
            public String describe() {
                return "small";
            }
        }, DataType.DOUBLE);
    }

    private static Map<String, INDArray> saved(INDArray w, INDArray b) {
        Map<String, INDArray> m = new HashMap<>();
        if (w != null) {
            m.put("encoder.0.weight", w);
        }
        if (b != null) {
            m.put("encoder.0.bias", b);
        }
        return m;
    }

    @Test
    void loadCopiesValuesAndCastsThem() {
        ModelParameters params = smallModel();
        ParameterStore store = params.group("model");
        INDArray w = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray b = Nd4j.createFromArray(new double[][] {{-1, -2, -3}});
        params.load(saved(w, b), Map.of());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, -1, -2, -3}, store.values().toDoubleVector(), 0);
        b.assign(0);
        assertEquals(-1.0, store.values().getDouble(6), "a copy, not a reference");
    }

    @Test
    void loadNamesTheMissingExtraOrMisshapenParameter() {
        ModelParameters params = smallModel();
        ParameterStore store = params.group("model");
        double[] before = store.values().toDoubleVector();
        INDArray w = Nd4j.zeros(DataType.DOUBLE, 2, 3);
        INDArray b = Nd4j.zeros(DataType.DOUBLE, 1, 3);

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> params.load(saved(w, null), Map.of()));
        assertEquals("the checkpoint has no parameter encoder.0.bias", missing.getMessage());

        Map<String, INDArray> withExtra = saved(w, b);
        withExtra.put("decoder.0.weight", w);
        IllegalArgumentException extra = assertThrows(IllegalArgumentException.class, () -> params.load(withExtra, Map.of()));
        assertEquals("the checkpoint has parameter decoder.0.weight the model does not have", extra.getMessage());

        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> params.load(saved(Nd4j.zeros(DataType.DOUBLE, 3, 2), b), Map.of()));
        assertEquals("parameter encoder.0.weight has shape [3, 2] in the checkpoint, the model expects [2, 3]",
                shape.getMessage());

        assertArrayEquals(before, store.values().toDoubleVector(), 0, "a refused load changes nothing");
    }

    @Test
    void clipGradientNormScalesToTheMaximum() {
        ParameterStore store = small();
        // gradient (3, 4, 0, ..., 0, 12): norm 13
        store.gradients().assign(0);
        store.gradients().putScalar(0, 3);
        store.gradients().putScalar(1, 4);
        store.gradients().putScalar(8, 12);
        double[] before = store.gradients().toDoubleVector();
        assertEquals(13.0, store.clipGradientNorm(20), 1e-12);
        assertArrayEquals(before, store.gradients().toDoubleVector(), 0, "under the maximum: unchanged");

        assertEquals(13.0, store.clipGradientNorm(1.0), 1e-12);
        // scaled by max / (norm + 1e-6), as PyTorch's clip_grad_norm_
        double f = 1.0 / (13.0 + 1e-6);
        double[] g = store.gradients().toDoubleVector();
        assertEquals(3 * f, g[0], 1e-15);
        assertEquals(4 * f, g[1], 1e-15);
        assertEquals(12 * f, g[8], 1e-15);
        assertEquals(1.0, store.gradients().norm2Number().doubleValue(), 1e-6);
        assertTrue(store.gradients().norm2Number().doubleValue() <= 1.0);
        // views see the scaled values
        assertEquals(3 * f, store.byName().get("encoder.0.weight").gradient().getDouble(0, 0), 1e-15);
    }

    @Test
    void refusesDuplicateNamesAndMixedTypes() {
        Parameter p = new Parameter("w", Nd4j.zeros(DataType.DOUBLE, 2));
        Parameter q = new Parameter("w", Nd4j.zeros(DataType.DOUBLE, 2));
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> ParameterStore.of(new ParameterGroup("g", Map.of(), Map.of("prior", List.of(p, q))), DataType.DOUBLE));
        assertEquals("two parameters are named prior.w", dup.getMessage());
        Parameter f = new Parameter("logSigma", Nd4j.zeros(DataType.FLOAT, 1, 2));
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> ParameterStore.of(new ParameterGroup("g", Map.of(), Map.of("likelihood", List.of(f))), DataType.DOUBLE));
        assertEquals("parameter likelihood.logSigma is FLOAT, the model is DOUBLE", type.getMessage());
    }
}
