package org.vae4j.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.engine.likelihood.GaussianLikelihood;
import org.vae4j.engine.model.TestModels;
import org.vae4j.engine.model.VariationalAutoencoder;
import org.vae4j.engine.optim.Adam;
import org.vae4j.engine.optim.Optimizer;
import org.vae4j.engine.params.ParameterStore;
import org.vae4j.engine.prior.StandardNormalPrior;

class CheckpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Setup(ParameterStore params, Optimizer optimizer) {
    }

    /** A small model with a learned sigma, and an Adam that has taken {@code steps} random steps. */
    private static Setup setup(DataType type, int steps) {
        VariationalAutoencoder m = TestModels.mlpVae(3, 4, 5, 2, GaussianLikelihood.learned(4, -0.5, type),
                new StandardNormalPrior(2, type), true, type);
        ParameterStore params = m.parameters();
        Adam adam = new Adam(0.01, 0.9, 0.999, 1e-8);
        for (int i = 0; i < steps; i++) {
            params.gradients().assign(Nd4j.getRandomFactory().getNewRandomInstance(100 + i)
                    .nextGaussian(new long[] {params.count()}).castTo(type));
            adam.step(params);
        }
        return new Setup(params, adam);
    }

    private static double[] bits(INDArray a) {
        return a.castTo(DataType.DOUBLE).toDoubleVector();
    }

    @Test
    void roundTripRestoresParametersAndOptimizerStateExactly(@TempDir Path dir) throws IOException {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Path ckpt = dir.resolve(type.name());
            Setup saved = setup(type, 3);
            ObjectNode meta = JSON.createObjectNode().put("seed", 42);
            meta.putObject("spec").put("name", "test");
            Path npz = Checkpoint.save(ckpt, 7, saved.params(), saved.optimizer(), meta, 3);
            assertEquals(ckpt.resolve("epoch-0007.npz"), npz);
            assertTrue(Files.exists(ckpt.resolve("epoch-0007.json")));
            assertEquals("epoch-0007", JSON.readTree(ckpt.resolve("latest.json").toFile()).get("checkpoint").asText());
            assertFalse(meta.has("epochsDone"), "the caller's metadata is not modified");

            Checkpoint.Loaded loaded = Checkpoint.latest(ckpt).orElseThrow();
            assertEquals(7, loaded.epochsDone());
            assertEquals(42, loaded.metadata().get("seed").asInt());
            assertEquals("test", loaded.metadata().get("spec").get("name").asText());
            assertEquals("epoch-0007.npz", loaded.metadata().get("arrays").asText());
            assertEquals(saved.params().byName().keySet(), loaded.parameters().keySet());
            assertEquals(List.of("m", "v", "iteration"), List.copyOf(loaded.optimizer().keySet()));
            assertEquals(type, loaded.parameters().get("likelihood.logSigma").dataType());

            Setup fresh = setup(type, 0);
            assertFalse(java.util.Arrays.equals(bits(saved.params().values()), bits(fresh.params().values())));
            loaded.restore(fresh.params(), fresh.optimizer());
            assertArrayEquals(bits(saved.params().values()), bits(fresh.params().values()), 0);
            assertEquals(3, fresh.optimizer().iteration());
            Map<String, INDArray> s1 = saved.optimizer().state();
            Map<String, INDArray> s2 = fresh.optimizer().state();
            for (String k : List.of("m", "v", "iteration")) {
                assertEquals(s1.get(k).dataType(), s2.get(k).dataType(), k);
                assertArrayEquals(bits(s1.get(k)), bits(s2.get(k)), 0, k);
            }
            // and both continue identically
            INDArray g = Nd4j.getRandomFactory().getNewRandomInstance(9).nextGaussian(new long[] {saved.params().count()}).castTo(type);
            saved.params().gradients().assign(g);
            fresh.params().gradients().assign(g);
            saved.optimizer().step(saved.params());
            fresh.optimizer().step(fresh.params());
            assertArrayEquals(bits(saved.params().values()), bits(fresh.params().values()), 0);
        }
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keepPrunesTheOlderCheckpoints(@TempDir Path dir) throws IOException {
        Setup s = setup(DataType.FLOAT, 1);
        for (int epoch = 1; epoch <= 4; epoch++) {
            Checkpoint.save(dir, epoch, s.params(), s.optimizer(), JSON.createObjectNode(), 2);
        }
        assertEquals(List.of("epoch-0003.json", "epoch-0003.npz", "epoch-0004.json", "epoch-0004.npz", "latest.json"),
                files(dir));
        assertEquals(4, Checkpoint.latest(dir).orElseThrow().epochsDone());
        // keep below 1 still keeps the newest
        Checkpoint.save(dir, 5, s.params(), s.optimizer(), JSON.createObjectNode(), 0);
        assertEquals(List.of("epoch-0005.json", "epoch-0005.npz", "latest.json"), files(dir));
    }

    @Test
    void noLatestMeansNoCheckpoint(@TempDir Path dir) throws IOException {
        assertEquals(Optional.empty(), Checkpoint.latest(dir));
        assertEquals(Optional.empty(), Checkpoint.latest(dir.resolve("does-not-exist")));
    }

    @Test
    void corruptLatestIsAnIOExceptionNamingTheFile(@TempDir Path dir) throws IOException {
        Path latest = dir.resolve("latest.json");
        Files.writeString(latest, "{\"checkpoint\": \"epoch-00");
        IOException truncated = assertThrows(IOException.class, () -> Checkpoint.latest(dir));
        assertTrue(truncated.getMessage().contains(latest.toString()), truncated.getMessage());

        Files.writeString(latest, "[1, 2]");
        IOException notObject = assertThrows(IOException.class, () -> Checkpoint.latest(dir));
        assertTrue(notObject.getMessage().contains(latest.toString()), notObject.getMessage());

        Files.writeString(latest, "{\"checkpoint\": \"../../etc/passwd\"}");
        IOException badName = assertThrows(IOException.class, () -> Checkpoint.latest(dir));
        assertTrue(badName.getMessage().startsWith(latest.toString()) && badName.getMessage().contains("epoch-0003"),
                badName.getMessage());

        // latest.json pointing at a checkpoint whose files are gone
        Files.writeString(latest, "{\"checkpoint\": \"epoch-0009\"}");
        IOException gone = assertThrows(IOException.class, () -> Checkpoint.latest(dir));
        assertTrue(gone.getMessage().contains("epoch-0009"), gone.getMessage());
    }
}
