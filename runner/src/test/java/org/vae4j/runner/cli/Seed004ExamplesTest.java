package org.vae4j.runner.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.data.Batch;
import org.vae4j.api.model.LatentEncoder;
import org.vae4j.api.model.Model;
import org.vae4j.api.model.Reconstructor;
import org.vae4j.runner.assemble.DataAssembler;
import org.vae4j.runner.assemble.ModelAssembler;
import org.vae4j.runner.assemble.TrainingData;
import org.vae4j.runner.plugins.ProviderRegistry;
import org.vae4j.runner.spec.ExperimentSpec;
import org.vae4j.runner.spec.SpecParser;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyFashionMnist;

/**
 * Seed 004's exercises 4 and 6 as the examples {@code fashion-mnist-conv-ae.json} and
 * {@code fashion-mnist-conv-vae.json}: their test cells, in terms of specs.
 */
class Seed004ExamplesTest {
    private static final Path AE = Path.of("..", "examples", "fashion-mnist-conv-ae.json");
    private static final Path VAE = Path.of("..", "examples", "fashion-mnist-conv-vae.json");

    private static ExperimentSpec parse(ObjectNode json, String source) {
        return new SpecParser(ProviderRegistry.discover(List.of())).parse(json, source);
    }

    /** The example with its data pointed at a tiny Fashion-MNIST-shaped set. */
    private static ExperimentSpec onTinyData(Path example, Path dir) throws Exception {
        ObjectNode json = SpecParser.readTree(example);
        TinyFashionMnist.write(dir.resolve("data"));
        ((ObjectNode) json.get("data")).put("path", "data").put("validation", 50);
        return parse(json, Specs.write(dir.resolve("spec.json"), json).toString());
    }

    /**
     * Seed 004: "input transform should not be altered" and "pre-processing produces tensors": the
     * encoder sees the standard pixels ([0, 1], transform scale, input same) while the target's
     * treatment is the likelihood's (the assumption); a batch gives an input and a target array.
     */
    @Test
    void autoencoderExampleKeepsTheInputTransformAndItsPreprocessingGivesArrays(@TempDir Path dir) throws Exception {
        ExperimentSpec spec = parse(SpecParser.readTree(AE), AE.toString());
        assertEquals("scale", spec.data().transform());
        assertEquals("same", spec.data().input());
        assertEquals("autoencoder", spec.model().slots().get("objective").type());
        assertEquals("conv-ae", spec.model().slots().get("encoder").type());
        assertEquals("binomial", spec.model().slots().get("likelihood").type());

        ExperimentSpec tiny = onTinyData(AE, dir);
        TrainingData data = DataAssembler.load(tiny, dir, Map.of(), "spec.json");
        Batch b = data.train().epoch(0).next();
        // the tiny set's 250 training images make one (short) batch of the example's 256
        assertArrayEquals(new long[] {250, 784}, b.input().shape());
        assertArrayEquals(new long[] {250, 784}, b.target().shape());
        assertTrue(b.target().minNumber().doubleValue() >= 0 && b.target().maxNumber().doubleValue() <= 1);
    }

    /**
     * Seed 004: {@code reconstruct(randn(16, 1, 28, 28))} lies in [0, 1] for both examples' models,
     * and for the exercise's autoencoder {@code AutoEncoder(1, 64, 16, 5, ELU)} under every output
     * assumption (gauss, truncated, binomial, binary).
     */
    @Test
    void reconstructionsOfRandomInputsLieInZeroOne() throws Exception {
        INDArray x = Nd4j.createUninitialized(DataType.FLOAT, 16, 784);
        Nd4j.getExecutioner().exec(new GaussianDistribution(x, 0.0, 1.0), Nd4j.getRandomFactory().getNewRandomInstance(3));
        for (Path example : List.of(AE, VAE)) {
            assertInZeroOne(reconstruct(SpecParser.readTree(example), example.toString(), x), example.toString());
        }
        for (String assumption : List.of("gauss", "truncated", "binomial", "binary")) {
            ObjectNode json = SpecParser.readTree(AE);
            ObjectNode model = (ObjectNode) json.get("model");
            for (String net : List.of("encoder", "decoder")) {
                model.putObject(net).put("type", "conv-ae").put("channels", 64).put("kernel", 5).put("activation", "elu");
            }
            model.put("latentDim", 16 * 196);
            model.putObject("likelihood").put("type", assumption);
            assertInZeroOne(reconstruct(json, assumption, x), assumption);
        }
    }

    private static INDArray reconstruct(ObjectNode json, String source, INDArray x) {
        ExperimentSpec spec = parse(json, source);
        Model model = ModelAssembler.build(spec, ModelAssembler.dataInfo(spec.data(), new long[] {1, 28, 28}), source);
        return ((Reconstructor) model).reconstruct(x);
    }

    private static void assertInZeroOne(INDArray rec, String what) {
        assertArrayEquals(new long[] {16, 784}, rec.shape());
        assertTrue(rec.minNumber().doubleValue() >= 0 && rec.maxNumber().doubleValue() <= 1, what + ": ["
                + rec.minNumber() + ", " + rec.maxNumber() + "]");
    }

    /**
     * Seed 004, exercise 6: the regularised loss's weight is positive ("zero weight corresponds to AE
     * training"): the VAE example trains the ELBO with beta, the weight of the KL, above 0.
     */
    @Test
    void variationalExampleWeighsTheRegularisationAboveZero() {
        ExperimentSpec spec = parse(SpecParser.readTree(VAE), VAE.toString());
        Model model = ModelAssembler.build(spec, ModelAssembler.dataInfo(spec.data(), new long[] {1, 28, 28}),
                VAE.toString());
        assertTrue(!((LatentEncoder) model).deterministic(), "a VAE's encoder is a posterior");
        var beta = spec.model().slots().get("objective").slots().get("beta");
        assertEquals("constant", beta.type());
        assertTrue(beta.resolved().get("value").asDouble() > 0, beta.resolved().toString());
        assertEquals("conv-ae", spec.model().slots().get("decoder").type());
    }
}
