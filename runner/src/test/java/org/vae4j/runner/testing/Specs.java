package org.vae4j.runner.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small specs for tests: a tiny MLP VAE on {@link TinyFashionMnist} data. */
public final class Specs {
    /** A plain mapper for writing and reading test JSON. */
    public static final ObjectMapper JSON = new ObjectMapper();

    private Specs() {
    }

    /**
     * A spec that trains in about a second: hidden [32], latentDim 4, batch 32, 3 epochs, a
     * validation split of 50 and the test split after every epoch.
     *
     * @param dataPath the value of data.path (relative paths are relative to the spec file)
     * @return the spec, to be modified by the test
     */
    public static ObjectNode tiny(String dataPath) {
        ObjectNode s = JSON.createObjectNode();
        s.put("name", "tiny");
        s.put("seed", 7);
        ObjectNode data = s.putObject("data");
        data.put("dataset", "fashion-mnist");
        data.put("path", dataPath);
        data.put("batchSize", 32);
        data.put("validation", 50);
        data.put("evalBatchSize", 50);
        ObjectNode model = s.putObject("model");
        model.put("latentDim", 4);
        model.putObject("encoder").put("type", "mlp").putArray("hidden").add(32);
        model.putObject("decoder").put("type", "mlp").putArray("hidden").add(32);
        model.putObject("likelihood").put("type", "bernoulli");
        s.putObject("training").put("epochs", 3).put("testEachEpoch", true);
        return s;
    }

    /**
     * @param file where
     * @param spec what
     * @return {@code file}
     * @throws IOException if it cannot be written
     */
    public static Path write(Path file, ObjectNode spec) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spec));
        return file;
    }
}
