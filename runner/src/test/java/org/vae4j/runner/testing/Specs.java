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
     * A two-layer hierarchical VAE on the tiny data: z1 of 4 and z2 of 2 dimensions, 16-unit MLPs.
     *
     * @param dataPath the value of data.path
     * @return the spec, to be modified by the test
     */
    public static ObjectNode tinyHierarchical(String dataPath) {
        ObjectNode s = tiny(dataPath);
        s.put("name", "tiny-hierarchical");
        ObjectNode model = s.putObject("model");
        model.put("type", "hierarchical-vae");
        model.putArray("latentDims").add(4).add(2);
        for (String net : new String[] {"encoder", "upperEncoder", "upperDecoder", "decoder"}) {
            model.putObject(net).put("type", "mlp").putArray("hidden").add(16);
        }
        model.putObject("likelihood").put("type", "bernoulli");
        ((ObjectNode) s.get("training")).put("epochs", 2);
        return s;
    }

    /**
     * A VAE with a small PixelCNN decoder (4 channels, one type-B layer) on the tiny data.
     *
     * @param dataPath the value of data.path
     * @return the spec, to be modified by the test
     */
    public static ObjectNode tinyPixelCnn(String dataPath) {
        ObjectNode s = tiny(dataPath);
        s.put("name", "tiny-pixelcnn");
        ((ObjectNode) s.get("model")).putObject("decoder").put("type", "pixelcnn").put("channels", 4)
                .put("layers", 1).put("firstKernel", 5);
        ((ObjectNode) s.get("training")).put("epochs", 1);
        return s;
    }

    /**
     * A conditional VAE on the tiny data: encoder and decoder see the class.
     *
     * @param dataPath the value of data.path
     * @return the spec, to be modified by the test
     */
    public static ObjectNode tinyConditional(String dataPath) {
        ObjectNode s = tiny(dataPath);
        s.put("name", "tiny-conditional");
        ((ObjectNode) s.get("model")).put("conditional", true);
        return s;
    }

    /**
     * torch_gan.py's DCGAN, narrowed to 4 and 8 channels and 16 latent dimensions: trains in seconds.
     *
     * @param dataPath the value of data.path
     * @return the spec, to be modified by the test
     */
    public static ObjectNode tinyDcgan(String dataPath) {
        ObjectNode s = JSON.createObjectNode();
        s.put("name", "tiny-dcgan");
        s.put("seed", 5);
        s.putObject("data").put("dataset", "fashion-mnist").put("path", dataPath).put("input", "symmetric")
                .put("validation", 0).put("batchSize", 50).put("evalBatchSize", 50);
        ObjectNode model = s.putObject("model");
        model.put("type", "gan").put("latentDim", 16);
        ObjectNode g = model.putObject("generator").put("type", "cnn").put("depth", 1).put("kernel", 4)
                .put("padding", 1).put("activation", "relu").put("batchNorm", true).put("outputActivation", "tanh");
        g.putArray("filters").add(4).add(8);
        ObjectNode d = model.putObject("discriminator").put("type", "cnn");
        d.putArray("filters").add(4).add(8);
        s.putObject("optimizer").put("type", "adam").put("lr", 2e-4).put("beta1", 0.5);
        s.putObject("training").put("epochs", 2);
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
