package org.vae4j.runner.assemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.vae4j.api.model.Model;
import org.vae4j.engine.params.ModelParameters;
import org.vae4j.runner.plugins.ProviderRegistry;
import org.vae4j.runner.spec.ExperimentSpec;
import org.vae4j.runner.spec.SpecParser;
import org.vae4j.runner.testing.Specs;

/**
 * Each component draws its initial values from a stream of its own, derived from the seed and
 * its JSON path: changing one component leaves the others' initial values as they were, and the
 * same spec always starts from the same values.
 */
class InitialValuesTest {

    private static Map<String, double[]> initialValues(ObjectNode json) {
        ExperimentSpec spec = new SpecParser(ProviderRegistry.discover(List.of())).parse(json, "spec");
        Model m = ModelAssembler.build(spec, ModelAssembler.dataInfo(spec.data(), new long[] {1, 28, 28}), "spec");
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        ModelParameters.of(m, ModelAssembler.TYPE).parameterValues()
                .forEach((k, v) -> out.put(k, v.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector()));
        return out;
    }

    @Test
    void changingTheDecoderLeavesTheEncodersInitialValuesAlone() {
        ObjectNode a = Specs.tiny("data");
        ObjectNode b = a.deepCopy();
        ((ObjectNode) b.get("model").get("decoder")).putArray("hidden").add(64).add(16);
        Map<String, double[]> va = initialValues(a);
        Map<String, double[]> vb = initialValues(b);
        for (String p : List.of("encoder.0.weight", "encoder.0.bias", "encoder.2.weight", "encoder.2.bias")) {
            assertArrayEquals(va.get(p), vb.get(p), 0, p);
        }
        assertFalse(Arrays.equals(va.get("decoder.0.weight"), vb.get("decoder.0.weight")));
        // the same spec starts from the same values; another seed from others
        assertArrayEquals(va.get("decoder.0.weight"), initialValues(a.deepCopy()).get("decoder.0.weight"), 0);
        ObjectNode c = a.deepCopy().put("seed", 8);
        assertFalse(Arrays.equals(va.get("encoder.0.weight"), initialValues(c).get("encoder.0.weight")));
        // encoder and decoder of equal shapes still start apart: their paths differ
        assertFalse(Arrays.equals(va.get("encoder.0.bias"), va.get("decoder.2.bias")));
    }
}
