package org.vae4j.runner.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.data.Batch;
import org.vae4j.api.model.LatentEncoder;
import org.vae4j.api.model.Model;
import org.vae4j.api.model.Reconstructor;
import org.vae4j.engine.params.ModelParameters;
import org.vae4j.runner.plugins.ProviderRegistry;
import org.vae4j.runner.spec.ExperimentSpec;
import org.vae4j.runner.spec.SpecParser;

/**
 * The convolutional example specs of seeds 000 and 002 parse and assemble into the models they
 * describe, for the data shapes of their data sets (CIFAR-10 itself is not on these machines).
 */
class ConvExamplesTest {

    private static ExperimentSpec parse(String name) {
        Path file = examples().resolve(name);
        return new SpecParser(ProviderRegistry.discover(List.of())).parse(SpecParser.readTree(file), file.toString());
    }

    private static Path examples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("examples/fashion-mnist-4bit-cnn-vae.json"))) {
                return p.resolve("examples");
            }
        }
        throw new IllegalStateException("examples/ not found");
    }

    /**
     * Every example spec parses and builds its model for a Fashion-MNIST-sized image (CIFAR's for
     * CIFAR's). The {@code *-sweep.json} files are sweeps, not specs: the sweep module reads them.
     */
    @Test
    void everyExampleParsesAndBuilds() throws java.io.IOException {
        List<Path> specs;
        try (var files = Files.list(examples())) {
            specs = files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith("-sweep.json")).sorted()
                    .toList();
        }
        assertTrue(specs.size() >= 15, specs.toString());
        for (Path file : specs) {
            ExperimentSpec s = parse(file.getFileName().toString());
            long[] shape = s.data().dataset().startsWith("cifar") ? new long[] {3, 32, 32} : new long[] {1, 28, 28};
            Model m = ModelAssembler.build(s, ModelAssembler.dataInfo(s.data(), shape), file.toString());
            assertTrue(ModelParameters.of(m, ModelAssembler.TYPE).count() > 0, file.toString());
        }
    }

    @Test
    void seed000IsTheReferencesModelWithItsParameterCount() {
        ExperimentSpec s = parse("fashion-mnist-4bit-cnn-vae.json");
        assertEquals("quantize", s.data().transform());
        assertEquals(4, s.data().bits());
        assertEquals("symmetric", s.data().input());
        assertEquals(5000, s.data().validation());
        assertEquals(128, s.data().batchSize());
        assertEquals(20, s.model().resolved().get("latentDim").asInt());
        assertEquals(5, s.training().epochs());
        Model m = ModelAssembler.build(s, ModelAssembler.dataInfo(s.data(), new long[] {1, 28, 28}), "example");
        // sum(p.numel()) of torch_cnn_vae_4bit.py's encoder and decoder
        assertEquals(270_616, ModelParameters.of(m, ModelAssembler.TYPE).count());
        // the input is quantized to [-1, 1] like the reference's q/15*2-1, the target stays levels
        assertEquals("quantized-symmetric(bits=4)", DataAssembler.input(s.data(), DataAssembler.target(s.data())).toString());
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 784).muli(2).subi(1);
        INDArray levels = Nd4j.rand(DataType.FLOAT, 4, 784).muli(15.99).castTo(DataType.INT32).castTo(DataType.FLOAT);
        var figures = m.evaluate(new Batch(x, levels, new int[4], new int[4]), Nd4j.getRandomFactory().getNewRandomInstance(1));
        double loss = m.metrics().stream().filter(i -> i.name().equals("neg_elbo")).findFirst().map(i -> i.of(figures))
                .orElseThrow();
        // at initialization the decoder's logits are near 0: about 784 log 16 nats
        assertTrue(Math.abs(loss - 784 * Math.log(16)) < 100, "initial loss " + loss);
    }

    @Test
    void seed002AutoencoderAndVaeFitCifarImages() {
        for (String name : List.of("cifar10-conv-ae.json", "cifar10-conv-vae.json")) {
            ExperimentSpec s = parse(name);
            assertEquals("cifar-10", s.data().dataset());
            Model m = ModelAssembler.build(s, ModelAssembler.dataInfo(s.data(), new long[] {3, 32, 32}), name);
            assertEquals(name.contains("-vae"), !((LatentEncoder) m).deterministic(), name);
            INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3072);
            INDArray rec = ((Reconstructor) m).reconstruct(x);
            assertEquals(List.of(2L, 3072L), List.of(rec.size(0), rec.size(1)), name);
        }
    }
}
