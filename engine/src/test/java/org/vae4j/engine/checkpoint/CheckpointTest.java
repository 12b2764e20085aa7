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
import java.util.LinkedHashMap;
import org.vae4j.api.optim.Optimizer;
import org.vae4j.engine.optim.Adam;
import org.vae4j.engine.params.ModelParameters;
import org.vae4j.engine.params.ParameterStore;
import org.vae4j.engine.train.TwoPhaseModel;

class CheckpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Setup(ModelParameters params, Map<String, Optimizer> optimizers) {
        INDArray values(String group) {
            return params.group(group).values();
        }
    }

    /** A model of two parameter groups, each with an Adam that has taken {@code steps} random steps. */
    private static Setup setup(DataType type, int steps) {
        ModelParameters params = ModelParameters.of(new TwoPhaseModel(3, 4, 5, type), type);
        Map<String, Optimizer> optimizers = new LinkedHashMap<>();
        for (String g : params.groups().keySet()) {
            ParameterStore store = params.group(g);
            Adam adam = new Adam(0.01, 0.9, 0.999, 1e-8);
            for (int i = 0; i < steps; i++) {
                store.gradients().assign(Nd4j.getRandomFactory().getNewRandomInstance(100 + i + 10 * g.length())
                        .nextGaussian(new long[] {store.count()}).castTo(type));
                adam.step(store.values(), store.gradients());
            }
            optimizers.put(g, adam);
        }
        return new Setup(params, optimizers);
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
            Path npz = Checkpoint.save(ckpt, 7, saved.params(), saved.optimizers(), meta, 3);
            assertEquals(ckpt.resolve("epoch-0007.npz"), npz);
            assertTrue(Files.exists(ckpt.resolve("epoch-0007.json")));
            assertEquals("epoch-0007", JSON.readTree(ckpt.resolve("latest.json").toFile()).get("checkpoint").asText());
            assertFalse(meta.has("epochsDone"), "the caller's metadata is not modified");

            Checkpoint.Loaded loaded = Checkpoint.latest(ckpt).orElseThrow();
            assertEquals(7, loaded.epochsDone());
            assertEquals(42, loaded.metadata().get("seed").asInt());
            assertEquals("test", loaded.metadata().get("spec").get("name").asText());
            assertEquals("epoch-0007.npz", loaded.metadata().get("arrays").asText());
            assertEquals(saved.params().parameterValues().keySet(), loaded.parameters().keySet());
            assertEquals(List.of("first", "second"), List.copyOf(loaded.optimizers().keySet()));
            assertEquals(List.of("m", "v", "iteration"), List.copyOf(loaded.optimizers().get("second").keySet()));
            assertEquals(type, loaded.parameters().get("second.weight").dataType());

            Setup fresh = setup(type, 0);
            for (String group : List.of("first", "second")) {
                assertFalse(java.util.Arrays.equals(bits(saved.values(group)), bits(fresh.values(group))));
            }
            loaded.restore(fresh.params(), fresh.optimizers());
            for (String group : List.of("first", "second")) {
                assertArrayEquals(bits(saved.values(group)), bits(fresh.values(group)), 0);
                Optimizer before = saved.optimizers().get(group);
                Optimizer after = fresh.optimizers().get(group);
                assertEquals(3, after.iteration());
                Map<String, INDArray> s1 = before.state();
                Map<String, INDArray> s2 = after.state();
                for (String k : List.of("m", "v", "iteration")) {
                    assertEquals(s1.get(k).dataType(), s2.get(k).dataType(), k);
                    assertArrayEquals(bits(s1.get(k)), bits(s2.get(k)), 0, k);
                }
                // and both continue identically
                ParameterStore a = saved.params().group(group);
                ParameterStore b = fresh.params().group(group);
                INDArray g = Nd4j.getRandomFactory().getNewRandomInstance(9).nextGaussian(new long[] {a.count()})
                        .castTo(type);
                a.gradients().assign(g);
                b.gradients().assign(g);
                before.step(a.values(), a.gradients());
                after.step(b.values(), b.gradients());
                assertArrayEquals(bits(a.values()), bits(b.values()), 0);
            }
        }
    }

    /** A checkpoint of vae4j 0.1 had one optimizer, saved as optimizer/NAME: it restores a one-group model. */
    @Test
    void aCheckpointOfOneUnnamedOptimizerRestoresAOneGroupModel(@TempDir Path dir) throws IOException {
        Setup saved = setup(DataType.FLOAT, 2);
        Map<String, INDArray> arrays = new java.util.LinkedHashMap<>();
        saved.params().parameterValues().forEach((k, v) -> arrays.put("param/" + k, v));
        saved.optimizers().get("first").state().forEach((k, v) -> arrays.put("optimizer/" + k, v));
        org.vae4j.engine.io.Npz.write(dir.resolve("epoch-0002.npz"), arrays);
        Files.writeString(dir.resolve("epoch-0002.json"), "{\"epochsDone\": 2}");
        Files.writeString(dir.resolve("latest.json"), "{\"checkpoint\": \"epoch-0002\"}");
        Checkpoint.Loaded loaded = Checkpoint.latest(dir).orElseThrow();
        assertEquals(List.of(""), List.copyOf(loaded.optimizers().keySet()));
        Adam only = new Adam(0.01, 0.9, 0.999, 1e-8);
        loaded.restore(setup(DataType.FLOAT, 0).params(), Map.of("model", only));
        assertEquals(2, only.iteration());
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> loaded.restore(setup(DataType.FLOAT, 0).params(), setup(DataType.FLOAT, 0).optimizers()));
        assertTrue(two.getMessage().contains("parameter group 'first'"), two.getMessage());
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
            Checkpoint.save(dir, epoch, s.params(), s.optimizers(), JSON.createObjectNode(), 2);
        }
        assertEquals(List.of("epoch-0003.json", "epoch-0003.npz", "epoch-0004.json", "epoch-0004.npz", "latest.json"),
                files(dir));
        assertEquals(4, Checkpoint.latest(dir).orElseThrow().epochsDone());
        // keep below 1 still keeps the newest
        Checkpoint.save(dir, 5, s.params(), s.optimizers(), JSON.createObjectNode(), 0);
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
