package org.vae4j.runner.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.datasets.DataLocator;
import org.vae4j.runner.cli.ExitCode;
import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.PluginJars;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyCifar10;
import org.vae4j.runner.testing.TinyFashionMnist;
import org.vae4j.runner.testing.Vae4j;

/**
 * The spec-error catalogue: one test per class of bad spec, bad data file or unusable run folder,
 * each asserting the exit code and the exact message, which names the JSON path (or the file and
 * byte offset) at fault. {@code docs/SPEC-ERRORS.md} is the same catalogue as a table; every test
 * also checks that its row there quotes the message it got, so the page cannot drift from what
 * vae4j prints. Each run writes what it saw to {@code target/spec-errors-observed.md}.
 *
 * <p>Checks happen in two passes, both before any training step: the spec itself (syntax,
 * fields, types, ranges, names, cross-field rules; every problem of this pass in one message),
 * then, once it parses, the data and the components built from it (data files, the validation
 * split, provider-checked values and shapes).
 */
class SpecErrorCatalogueTest {
    private static final Map<String, String> OBSERVED = new TreeMap<>();
    private static final String DOC = "docs/SPEC-ERRORS.md";
    /** What ND4J may allocate in this JVM, as the messages print it. */
    private static final String MEMORY = org.vae4j.engine.layers.Allocations.describeLimit();

    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path dir;
    private String method;

    @BeforeAll
    static void data() throws IOException {
        data = TinyFashionMnist.write(shared.resolve("data"));
    }

    @BeforeEach
    void name(TestInfo info) {
        method = info.getTestMethod().orElseThrow().getName();
    }

    @AfterAll
    static void writeObserved() throws IOException {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            StringBuilder sb = new StringBuilder("| what is wrong | example | the exact message | exit code | test |\n"
                    + "| --- | --- | --- | --- | --- |\n");
            OBSERVED.values().forEach(sb::append);
            Files.writeString(target.resolve("spec-errors-observed.md"), sb.toString());
        }
    }

    // ---------------------------------------------------------------- the file itself

    @Test
    void invalidJsonSyntax() throws IOException {
        file("{\n  \"name\": \"x\",\n  \"seed\": 1,,\n}\n", "invalid JSON syntax", "`\"seed\": 1,,`")
                .fails(2, "$: not valid JSON at line 3, column 14 (byte 30): Unexpected character (',' (code 44)): "
                        + "was expecting double-quote to start field name");
    }

    @Test
    void unclosedJsonObject() throws IOException {
        file("{\"name\": \"x\",\n \"data\": {\"dataset\": \"mnist\"", "JSON cut short", "an unclosed `{`")
                .fails(2, "$: not valid JSON at line 2, column 29 (byte 42): Unexpected end-of-input: expected close "
                        + "marker for Object (start marker at [line: 2, column: 10])");
    }

    @Test
    void contentAfterTheTopLevelObject() throws IOException {
        file("{\"name\": \"x\"} {\"name\": \"y\"}", "more than one JSON value", "`{...} {...}`")
                .fails(2, "$: not valid JSON at line 1, column 15 (byte 14): more content after the end of the "
                        + "top-level object; a spec is exactly one JSON object");
    }

    @Test
    void emptyFile() throws IOException {
        file(" \n", "empty file", "a file of white space").fails(2, "$: the file is empty; expected a JSON object");
    }

    @Test
    void topLevelNotAnObject() throws IOException {
        file("[{\"name\": \"x\"}]", "top level not an object", "`[{...}]`")
                .fails(2, "$: must be a JSON object, got an array");
    }

    @Test
    void missingFile() {
        new Case("spec file missing", "`vae4j validate SPEC.json`, no such file", dir.resolve("spec.json"))
                .fails(2, "$: no such file");
    }

    // ---------------------------------------------------------------- unknown fields and names

    @Test
    void unknownTopLevelField() throws IOException {
        ObjectNode s = base();
        s.put("extra", 1);
        spec(s, "unknown top-level field", "`\"extra\": 1`")
                .fails(2, "$.extra: unknown field; known fields here: name, seed, data, model, objective, optimizer, "
                        + "optimizers, training");
    }

    @Test
    void unknownFieldInData() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("batchsize", 32);
        spec(s, "unknown field in `data`", "`\"batchsize\": 32`")
                .fails(2, "$.data.batchsize: unknown field; known fields here: dataset, path, transform, bits, "
                        + "binarizeSeed, input, validation, limit, batchSize, evalBatchSize, download, validationSplit, "
                        + "testFraction, splitSeed, imageShape, resize, reader");
    }

    @Test
    void unknownFieldInModel() throws IOException {
        ObjectNode s = base();
        obj(s, "model").put("latent", 4);
        spec(s, "unknown field in `model`", "`\"latent\": 4`")
                .fails(2, "$.model.latent: unknown field for model 'vae'; known fields: conditional, decoder, encoder, "
                        + "latentDim, likelihood, posterior, prior");
    }

    @Test
    void unknownFieldInObjective() throws IOException {
        ObjectNode s = base();
        s.putObject("objective").put("kind", "elbo");
        spec(s, "unknown field in `objective`", "`\"kind\": \"elbo\"`")
                .fails(2, "$.objective.kind: unknown field for objective 'elbo'; known fields: beta, samples");
    }

    @Test
    void unknownFieldInOptimizer() throws IOException {
        ObjectNode s = base();
        s.putObject("optimizer").put("learningRate", 0.01);
        spec(s, "unknown field in `optimizer`", "`\"learningRate\": 0.01`")
                .fails(2, "$.optimizer.learningRate: unknown field for optimizer 'adam'; known fields: beta1, beta2, "
                        + "clipNorm, epsilon, lr, schedule");
    }

    @Test
    void unknownFieldInTraining() throws IOException {
        ObjectNode s = base();
        obj(s, "training").put("epoch", 3);
        spec(s, "unknown field in `training`", "`\"epoch\": 3`")
                .fails(2, "$.training.epoch: unknown field; known fields here: epochs, keepCheckpoints, "
                        + "testEachEpoch, iwEvery, iwSamples, iwExamples, earlyStopping");
    }

    @Test
    void unknownFieldInAProviderConfig() throws IOException {
        ObjectNode s = base();
        component(s, "encoder").putArray("hiden").add(32);
        spec(s, "unknown field in a component", "`\"encoder\": {\"type\": \"mlp\", \"hiden\": [32]}`")
                .fails(2, "$.model.encoder.hiden: unknown field for encoder 'mlp'; known fields: activation, "
                        + "batchNorm, hidden, init, negativeSlope");
    }

    @Test
    void unknownFieldInAComponentWithoutFields() throws IOException {
        ObjectNode s = base();
        obj(s, "model").putObject("prior").put("type", "standard-normal").put("scale", 2);
        spec(s, "field for a component that takes none", "`\"prior\": {\"type\": \"standard-normal\", \"scale\": 2}`")
                .fails(2, "$.model.prior.scale: unknown field for prior 'standard-normal'; known fields: (none)");
    }

    @Test
    void unknownProviderType() throws IOException {
        ObjectNode s = base();
        component(s, "encoder").put("type", "conv");
        component(s, "likelihood").put("type", "poisson");
        spec(s, "unknown component type", "`\"encoder\": {\"type\": \"conv\"}`")
                .fails(2, "$.model.encoder.type: unknown encoder type 'conv'; registered: cnn, conv-ae, mlp",
                        "$.model.likelihood.type: unknown likelihood type 'poisson'; registered: bernoulli, "
                                + "binary, binomial, categorical, gauss, gaussian, mse, truncated");
    }

    @Test
    void unknownBetaScheduleType() throws IOException {
        ObjectNode s = base();
        s.putObject("objective").putObject("beta").put("type", "cyclic");
        spec(s, "unknown beta schedule", "`\"beta\": {\"type\": \"cyclic\"}`")
                .fails(2, "$.objective.beta.type: unknown beta schedule type 'cyclic'; registered: constant, linear");
    }

    @Test
    void componentFieldNamingAClass() throws IOException {
        Path plugins = PluginJars.write(dir.resolve("plugins/class-naming.jar"), List.of(PluginJars.CLASS_NAMING))
                .getParent();
        ObjectNode s = base();
        component(s, "encoder").removeAll().put("type", "class-naming").putObject("payload")
                .put("@class", "java.util.HashMap");
        new Case("a component field naming a Java class (a plugin whose configuration uses `@JsonTypeInfo`)",
                "`\"payload\": {\"@class\": \"java.util.HashMap\"}`", write(s), "--plugins", plugins)
                .fails(2, "$.model.encoder.payload: names the Java class 'java.util.HashMap'; a spec names registered "
                        + "component types only, never classes");
    }

    // ---------------------------------------------------------------- missing values

    @Test
    void missingName() throws IOException {
        ObjectNode s = base();
        s.remove("name");
        spec(s, "missing `name`", "no `\"name\"`").fails(2, "$.name: is required");
    }

    @Test
    void missingDataset() throws IOException {
        ObjectNode s = base();
        obj(s, "data").remove("dataset");
        spec(s, "missing `data.dataset`", "no `\"dataset\"`")
                .fails(2, "$.data.dataset: is required; one of: fashion-mnist, mnist, kmnist, cifar-10, image-folder, npy, npz");
    }

    @Test
    void missingLatentDim() throws IOException {
        ObjectNode s = base();
        obj(s, "model").remove("latentDim");
        spec(s, "missing `model.latentDim`", "no `\"latentDim\"`")
                .fails(2, "$.model.latentDim: is required: a whole number from 1 to 1000000");
    }

    @Test
    void missingEncoder() throws IOException {
        ObjectNode s = base();
        obj(s, "model").remove("encoder");
        spec(s, "missing `model.encoder`", "no `\"encoder\"`")
                .fails(2, "$.model.encoder: is required: an object with a \"type\"; registered encoder types: cnn, conv-ae, mlp");
    }

    @Test
    void missingLikelihood() throws IOException {
        ObjectNode s = base();
        obj(s, "model").remove("likelihood");
        spec(s, "missing `model.likelihood`", "no `\"likelihood\"`")
                .fails(2, "$.model.likelihood: is required: an object with a \"type\"; registered likelihood types: "
                        + "bernoulli, binary, binomial, categorical, gauss, gaussian, mse, truncated");
    }

    @Test
    void missingEpochs() throws IOException {
        ObjectNode s = base();
        obj(s, "training").remove("epochs");
        spec(s, "missing `training.epochs`", "`\"training\": {}`")
                .fails(2, "$.training.epochs: is required: a whole number from 1 to 100000");
    }

    @Test
    void missingComponentType() throws IOException {
        ObjectNode s = base();
        component(s, "decoder").remove("type");
        spec(s, "component without `type`", "`\"decoder\": {\"hidden\": [32]}`")
                .fails(2, "$.model.decoder.type: is required; registered decoder types: cnn, conv-ae, mlp, pixelcnn");
    }

    @Test
    void nullCountsAsMissing() throws IOException {
        ObjectNode s = base();
        s.putNull("name");
        spec(s, "`null` for a required value", "`\"name\": null`").fails(2, "$.name: is required");
    }

    // ---------------------------------------------------------------- wrong types

    @Test
    void stringForANumber() throws IOException {
        ObjectNode s = base();
        obj(s, "model").put("latentDim", "4");
        spec(s, "string for a number", "`\"latentDim\": \"4\"`")
                .fails(2, "$.model.latentDim: must be a whole number, got the string \"4\"");
    }

    @Test
    void numberForAString() throws IOException {
        ObjectNode s = base();
        s.put("name", 3);
        spec(s, "number for a string", "`\"name\": 3`").fails(2, "$.name: must be a string, got the number 3");
    }

    @Test
    void fractionForAWholeNumber() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("batchSize", 32.5);
        spec(s, "fraction for a whole number", "`\"batchSize\": 32.5`")
                .fails(2, "$.data.batchSize: must be a whole number, got the number 32.5");
    }

    @Test
    void stringForABoolean() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("download", "yes");
        spec(s, "string for a boolean", "`\"download\": \"yes\"`")
                .fails(2, "$.data.download: must be true or false, got the string \"yes\"");
    }

    @Test
    void sectionNotAnObject() throws IOException {
        ObjectNode s = base();
        s.putArray("data").add("fashion-mnist");
        spec(s, "section not an object", "`\"data\": [\"fashion-mnist\"]`")
                .fails(2, "$.data: must be a JSON object, got an array",
                        "$.data.dataset: is required; one of: fashion-mnist, mnist, kmnist, cifar-10, image-folder, npy, npz");
    }

    @Test
    void componentNotAnObject() throws IOException {
        ObjectNode s = base();
        obj(s, "model").put("encoder", "mlp");
        spec(s, "component not an object", "`\"encoder\": \"mlp\"`")
                .fails(2, "$.model.encoder: must be a JSON object with a \"type\", got a string");
    }

    @Test
    void typeNotAString() throws IOException {
        ObjectNode s = base();
        component(s, "encoder").put("type", 3);
        spec(s, "component `type` not a string", "`\"type\": 3`")
                .fails(2, "$.model.encoder.type: must be a string, got the number 3; registered encoder types: cnn, conv-ae, mlp");
    }

    @Test
    void stringForANumberInAComponent() throws IOException {
        ObjectNode s = base();
        component(s, "encoder").putArray("hidden").add("32");
        spec(s, "string for a number in a component", "`\"hidden\": [\"32\"]`")
                .fails(2, "$.model.encoder.hidden[0]: must be a whole number, got the string \"32\"");
    }

    @Test
    void fractionForAWholeNumberInAComponent() throws IOException {
        ObjectNode s = base();
        component(s, "encoder").putArray("hidden").add(32.5);
        spec(s, "fraction for a whole number in a component", "`\"hidden\": [32.5]`")
                .fails(2, "$.model.encoder.hidden[0]: must be a whole number, got the number 32.5");
    }

    @Test
    void scalarForAnArrayInAComponent() throws IOException {
        ObjectNode s = base();
        component(s, "encoder").put("hidden", 32);
        spec(s, "single value for an array in a component", "`\"hidden\": 32`")
                .fails(2, "$.model.encoder.hidden: must be an array of whole numbers, got the number 32");
    }

    @Test
    void numberForAStringInAComponent() throws IOException {
        ObjectNode s = base();
        component(s, "encoder").put("activation", 1);
        spec(s, "number for a string in a component", "`\"activation\": 1`")
                .fails(2, "$.model.encoder.activation: must be a string, got the number 1");
    }

    @Test
    void stringForABooleanInAComponent() throws IOException {
        ObjectNode s = base();
        obj(s, "model").putObject("likelihood").put("type", "gaussian").put("learnSigma", "yes");
        spec(s, "string for a boolean in a component", "`\"learnSigma\": \"yes\"`")
                .fails(2, "$.model.likelihood.learnSigma: must be true or false, got the string \"yes\"");
    }

    // ---------------------------------------------------------------- out of range

    @Test
    void latentDimZero() throws IOException {
        ObjectNode s = base();
        obj(s, "model").put("latentDim", 0);
        spec(s, "latent size 0", "`\"latentDim\": 0`").fails(2, "$.model.latentDim: must be from 1 to 1000000, got 0");
    }

    @Test
    void batchSizeZero() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("batchSize", 0);
        spec(s, "batch size 0", "`\"batchSize\": 0`").fails(2, "$.data.batchSize: must be from 1 to 1000000, got 0");
    }

    @Test
    void negativeLearningRate() throws IOException {
        ObjectNode s = base();
        s.putObject("optimizer").put("lr", -1);
        spec(s, "negative learning rate", "`\"lr\": -1`")
                .fails(2, "$.optimizer.lr: must be a number > 0 and <= 10, got -1.0");
    }

    @Test
    void adamBeta1One() throws IOException {
        ObjectNode s = base();
        s.putObject("optimizer").put("beta1", 1.0);
        spec(s, "Adam beta1 of 1", "`\"beta1\": 1.0`").fails(2, "$.optimizer.beta1: must be >= 0 and < 1, got 1.0");
    }

    @Test
    void epochsZero() throws IOException {
        ObjectNode s = base();
        obj(s, "training").put("epochs", 0);
        spec(s, "0 epochs", "`\"epochs\": 0`").fails(2, "$.training.epochs: must be from 1 to 100000, got 0");
    }

    @Test
    void negativeSeed() throws IOException {
        ObjectNode s = base();
        s.put("seed", -1);
        spec(s, "negative seed", "`\"seed\": -1`").fails(2, "$.seed: must be from 0 to 9223372036854775807, got -1");
    }

    @Test
    void nameThatCannotNameAFolder() throws IOException {
        ObjectNode s = base();
        s.put("name", "my run/1");
        spec(s, "name unusable as a folder name", "`\"name\": \"my run/1\"`")
                .fails(2, "$.name: must be letters, digits, '.', '_' or '-' (it names the run folder), got 'my run/1'");
    }

    @Test
    void hiddenLayerOfZeroUnits() throws IOException {
        ObjectNode s = base();
        component(s, "encoder").putArray("hidden").add(32).add(0);
        spec(s, "MLP layer of 0 units", "`\"hidden\": [32, 0]`")
                .fails(2, "$.model.encoder.hidden[1]: must be >= 1, got 0");
    }

    @Test
    void categoricalWithOneLevel() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("transform", "quantize").put("bits", 1);
        obj(s, "model").putObject("likelihood").put("type", "categorical").put("levels", 1);
        spec(s, "categorical with 1 level", "`\"levels\": 1`")
                .fails(2, "$.model.likelihood.levels: must be in 2..256, got 1");
    }

    @Test
    void numberTooLargeForAComponentField() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("transform", "quantize");
        obj(s, "model").putObject("likelihood").put("type", "categorical").put("levels", 99_999_999_999L);
        spec(s, "number too large for its field", "`\"levels\": 99999999999`")
                .fails(2, "$.model.likelihood.levels: must be a whole number from -2147483648 to 2147483647, "
                        + "got 99999999999");
    }

    @Test
    void negativeBeta() throws IOException {
        ObjectNode s = base();
        s.putObject("objective").putObject("beta").put("type", "constant").put("value", -1);
        spec(s, "negative beta", "`\"beta\": {\"type\": \"constant\", \"value\": -1}`")
                .fails(2, "$.objective.beta.value: must be a finite number >= 0, got -1.0");
    }

    // ---------------------------------------------------------------- unknown values

    @Test
    void unknownTransform() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("transform", "foo");
        spec(s, "unknown `data.transform`", "`\"transform\": \"foo\"`")
                .fails(2, "$.data.transform: unknown value 'foo'; one of: scale, quantize, binarize, dynamic-binarize");
    }

    @Test
    void unknownObjectiveType() throws IOException {
        ObjectNode s = base();
        s.putObject("objective").put("type", "gan");
        spec(s, "unknown `objective.type`", "`\"type\": \"gan\"`")
                .fails(2, "$.objective.type: unknown objective type 'gan'; registered: autoencoder, elbo, iwae");
    }

    @Test
    void unknownOptimizerType() throws IOException {
        ObjectNode s = base();
        s.putObject("optimizer").put("type", "rmsprop");
        spec(s, "unknown `optimizer.type`", "`\"type\": \"rmsprop\"`")
                .fails(2, "$.optimizer.type: unknown optimizer type 'rmsprop'; registered: adam, adamax, sgd");
    }

    @Test
    void unknownDataset() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("dataset", "cifar100");
        spec(s, "unknown `data.dataset`", "`\"dataset\": \"cifar100\"`")
                .fails(2, "$.data.dataset: unknown value 'cifar100'; one of: fashion-mnist, mnist, kmnist, cifar-10, image-folder, npy, npz");
    }

    @Test
    void unknownActivation() throws IOException {
        ObjectNode s = base();
        component(s, "encoder").put("activation", "swish");
        spec(s, "unknown value in a component", "`\"activation\": \"swish\"`")
                .fails(2, "$.model.encoder.activation: unknown activation 'swish', known: relu, leaky-relu, elu, gelu, "
                        + "tanh, sigmoid, softplus");
    }

    // ---------------------------------------------------------------- combinations

    @Test
    void categoricalWithScaleTransform() throws IOException {
        ObjectNode s = base();
        obj(s, "model").putObject("likelihood").put("type", "categorical").put("levels", 16);
        spec(s, "categorical likelihood on scaled data", "`\"likelihood\": {\"type\": \"categorical\"}`, "
                + "`\"transform\": \"scale\"`")
                .fails(2, "$.data.transform: the categorical likelihood scores level indices; use \"quantize\" (with "
                        + "\"bits\"), got 'scale'");
    }

    @Test
    void levelsNotTwoToTheBits() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("transform", "quantize").put("bits", 3);
        obj(s, "model").putObject("likelihood").put("type", "categorical").put("levels", 16);
        spec(s, "levels != 2^bits", "`\"bits\": 3`, `\"levels\": 16`")
                .fails(2, "$.model.likelihood.levels: must equal 2^$.data.bits = 8 (the levels the data has), got 16");
    }

    @Test
    void bernoulliWithQuantize() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("transform", "quantize");
        spec(s, "Bernoulli likelihood on quantized data", "`\"transform\": \"quantize\"`, `\"type\": \"bernoulli\"`")
                .fails(2, "$.data.transform: 'quantize' yields level indices 0..15, which only the categorical "
                        + "likelihood scores; the bernoulli likelihood needs \"scale\", \"binarize\" or "
                        + "\"dynamic-binarize\"");
    }

    @Test
    void decoderOutputDoesNotFitTheLikelihood() throws IOException {
        Path plugins = PluginJars.write(dir.resolve("plugins/forgets-likelihood.jar"),
                List.of(PluginJars.FORGETS_LIKELIHOOD)).getParent();
        ObjectNode s = base();
        obj(s, "data").put("transform", "quantize").put("bits", 4);
        obj(s, "model").putObject("likelihood").put("type", "categorical").put("levels", 16);
        component(s, "decoder").removeAll().put("type", "forgets-likelihood");
        new Case("shape mismatch: decoder output vs data x likelihood parameters",
                "a decoder emitting D values for a 16-level categorical", write(s), "--plugins", plugins)
                .fails(2, "$.model.decoder: shape mismatch: the forgets-likelihood decoder's output is [784] per "
                        + "example, but it must fit 784 data dimensions x 16 likelihood parameter(s) "
                        + "= 12544");
    }

    @Test
    void severalProblemsAreReportedTogether() throws IOException {
        ObjectNode s = base();
        s.put("extra", 1);
        obj(s, "model").put("latentDim", 0);
        obj(s, "data").put("transform", "foo");
        component(s, "encoder").put("type", "conv");
        obj(s, "training").remove("epochs");
        spec(s, "several problems", "the five above at once")
                .fails(2, "$.data.transform: unknown value 'foo'; one of: scale, quantize, binarize, dynamic-binarize",
                        "$.model.latentDim: must be from 1 to 1000000, got 0",
                        "$.model.encoder.type: unknown encoder type 'conv'; registered: cnn, conv-ae, mlp",
                        "$.training.epochs: is required: a whole number from 1 to 100000",
                        "$.extra: unknown field; known fields here: name, seed, data, model, objective, optimizer, "
                                + "optimizers, training");
    }

    // ---------------------------------------------------------------- data

    @Test
    void dataNotFound() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        ObjectNode s = base();
        obj(s, "data").put("path", empty.toString());
        String cache = DataLocator.cacheRoot(System.getenv()).resolve("fashion-mnist").toString();
        spec(s, "data not found", "`\"path\"` naming an empty folder")
                .failsWith(3, "data set 'fashion-mnist' not found. Tried, in order:\n"
                        + "  1. explicit path " + empty + " (from the spec): has none of the IDX files: no "
                        + "train-images-idx3-ubyte.gz (or train-images-idx3-ubyte), train-labels-idx1-ubyte.gz (or "
                        + "train-labels-idx1-ubyte), t10k-images-idx3-ubyte.gz (or t10k-images-idx3-ubyte), "
                        + "t10k-labels-idx1-ubyte.gz (or t10k-labels-idx1-ubyte)\n"
                        + "Fix: correct the path, or leave it out of the spec to let vae4j search $VAE4J_DATA, "
                        + "/usr/share/datasets/fashion-mnist and its cache " + cache);
    }

    @Test
    void dataPathDoesNotExist() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("path", "no-such-folder");
        String cache = DataLocator.cacheRoot(System.getenv()).resolve("fashion-mnist").toString();
        spec(s, "data path does not exist", "`\"path\": \"no-such-folder\"` (relative to the spec file)")
                .failsWith(3, "data set 'fashion-mnist' not found. Tried, in order:\n"
                        + "  1. explicit path " + dir.resolve("no-such-folder") + " (from the spec): does not exist\n"
                        + "Fix: correct the path, or leave it out of the spec to let vae4j search $VAE4J_DATA, "
                        + "/usr/share/datasets/fashion-mnist and its cache " + cache);
    }

    @Test
    void dataFileMissing() throws IOException {
        Path d = TinyFashionMnist.write(dir.resolve("data"));
        Files.delete(d.resolve("t10k-labels-idx1-ubyte.gz"));
        ObjectNode s = base();
        obj(s, "data").put("path", d.toString());
        String cache = DataLocator.cacheRoot(System.getenv()).resolve("fashion-mnist").toString();
        spec(s, "one data file missing", "no `t10k-labels-idx1-ubyte.gz`")
                .failsWith(3, "data set 'fashion-mnist' not found. Tried, in order:\n"
                        + "  1. explicit path " + d + " (from the spec): lacks t10k-labels-idx1-ubyte.gz (or "
                        + "t10k-labels-idx1-ubyte)\n"
                        + "Fix: correct the path, or leave it out of the spec to let vae4j search $VAE4J_DATA, "
                        + "/usr/share/datasets/fashion-mnist and its cache " + cache);
    }

    @Test
    void truncatedIdxFile() throws IOException {
        Path d = TinyFashionMnist.write(dir.resolve("data"));
        Path images = d.resolve("train-images-idx3-ubyte.gz");
        TinyFashionMnist.regzip(images, Arrays.copyOf(TinyFashionMnist.gunzip(images), 5000));
        ObjectNode s = base();
        obj(s, "data").put("path", d.toString());
        spec(s, "IDX file cut short", "an images file of 5000 bytes")
                .failsWith(3, images + ": file ends at decompressed byte offset 5000, expected 235216 bytes (16-byte "
                        + "header + 300 images of 28x28)");
    }

    @Test
    void truncatedGzipFile() throws IOException {
        Path d = TinyFashionMnist.write(dir.resolve("data"));
        Path images = d.resolve("train-images-idx3-ubyte.gz");
        byte[] gz = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(gz, gz.length / 2));
        ObjectNode s = base();
        obj(s, "data").put("path", d.toString());
        Case c = spec(s, "gzip file cut short (partial download)", "the first half of a `.gz`");
        CliResult r = c.run();
        assertEquals(3, r.code(), r::toString);
        String prefix = "vae4j validate: " + images + ": gzip data is truncated: it ends at decompressed byte offset ";
        assertTrue(r.err().startsWith(prefix) && r.err().endsWith(
                ", expected 235216 bytes (16-byte header + 300 images of 28x28)\n"), r.err());
        c.record(r, "offset \\d+,", "offset N,");
    }

    @Test
    void badMagicNumber() throws IOException {
        Path d = TinyFashionMnist.write(dir.resolve("data"));
        Path labels = d.resolve("t10k-labels-idx1-ubyte.gz");
        byte[] raw = TinyFashionMnist.gunzip(labels);
        raw[0] = 1;
        raw[1] = 2;
        TinyFashionMnist.regzip(labels, raw);
        ObjectNode s = base();
        obj(s, "data").put("path", d.toString());
        spec(s, "not an IDX file (bad magic number)", "a labels file starting `01 02 08 01`")
                .failsWith(3, labels + ": bad magic number 0x01020801 at decompressed byte offset 0, expected "
                        + "0x00000801 (IDX labels); this is not an IDX file");
    }

    @Test
    void imagesAndLabelsFilesSwapped() throws IOException {
        Path d = TinyFashionMnist.write(dir.resolve("data"));
        Path images = d.resolve("t10k-images-idx3-ubyte.gz");
        Path labels = d.resolve("t10k-labels-idx1-ubyte.gz");
        Path tmp = d.resolve("tmp");
        Files.move(images, tmp);
        Files.move(labels, images);
        Files.move(tmp, labels);
        ObjectNode s = base();
        obj(s, "data").put("path", d.toString());
        spec(s, "images and labels files swapped", "the two `t10k` files renamed into each other")
                .failsWith(3, images + ": wrong dimension count 1 at decompressed byte offset 3 (magic number "
                        + "0x00000801), expected 3 (count, rows, columns) for 0x00000803 (IDX images); this looks like "
                        + "an IDX labels file: are the images and labels files swapped?");
    }

    @Test
    void labelCountDiffersFromImageCount() throws IOException {
        Path d = TinyFashionMnist.write(dir.resolve("data"));
        Path labels = d.resolve("t10k-labels-idx1-ubyte.gz");
        byte[] raw = TinyFashionMnist.gunzip(labels);
        byte[] shorter = Arrays.copyOf(raw, raw.length - 1);
        shorter[7] = (byte) (TinyFashionMnist.TEST - 1);
        TinyFashionMnist.regzip(labels, shorter);
        ObjectNode s = base();
        obj(s, "data").put("path", d.toString());
        spec(s, "images and labels disagree on the count", "99 labels for 100 images")
                .failsWith(3, labels + ": labels file has 99 labels (declared at decompressed byte offset 4), images "
                        + "file " + d.resolve("t10k-images-idx3-ubyte.gz") + " has 100 images; they must come in pairs");
    }

    @Test
    void validationNotSmallerThanTraining() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("validation", 300);
        spec(s, "validation split >= training set", "`\"validation\": 300` with 300 training images")
                .fails(2, "$.data.validation: must be smaller than the 300 training images of explicit path " + data
                        + " (from the spec), got 300");
    }

    @Test
    void unknownLearningRateSchedule() throws IOException {
        ObjectNode s = base();
        s.putObject("optimizer").put("type", "adam").putObject("schedule").put("type", "onecycle");
        spec(s, "unknown learning-rate schedule", "`\"schedule\": {\"type\": \"onecycle\"}`")
                .fails(2, "$.optimizer.schedule.type: unknown learning-rate schedule type 'onecycle'; registered: "
                        + "constant, cosine, exponential, step");
    }

    @Test
    void stepScheduleWithoutItsInterval() throws IOException {
        ObjectNode s = base();
        s.putObject("optimizer").put("type", "adam").putObject("schedule").put("type", "step");
        spec(s, "step schedule without `every`", "`\"schedule\": {\"type\": \"step\"}`")
                .fails(2, "$.optimizer.schedule.every: is required: the epochs between decays, e.g. 10");
    }

    @Test
    void importanceWeightedLogOfAModelWithoutPosterior() throws IOException {
        ObjectNode s = Specs.tinyDcgan(data.toString());
        obj(s, "training").put("iwEvery", 1);
        spec(s, "`iwEvery` for a GAN", "`\"iwEvery\": 1` with `\"model\": {\"type\": \"gan\"}`")
                .fails(2, "$.training.iwEvery: the model 'gan' has no posterior to sample from, so no "
                        + "importance-weighted likelihood");
    }

    @Test
    void earlyStoppingWithoutValidation() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("validation", 0);
        obj(s, "training").putObject("earlyStopping").put("metric", "neg_elbo");
        spec(s, "early stopping with nothing to watch", "`\"earlyStopping\"` with `\"validation\": 0`")
                .fails(2, "$.training.earlyStopping: needs a validation split to watch: set $.data.validation to the "
                        + "number of training images to hold out (e.g. 5000)");
    }

    @Test
    void aFlowPosteriorForAPlainAutoencoder() throws IOException {
        ObjectNode s = base();
        ((ObjectNode) s.get("model")).putObject("posterior").put("type", "planar");
        s.putObject("objective").put("type", "autoencoder");
        spec(s, "a flow posterior for a plain autoencoder", "`\"posterior\": {\"type\": \"planar\"}` with "
                + "`\"objective\": {\"type\": \"autoencoder\"}`")
                .fails(2, "$.model.posterior: is a flow, but the objective 'autoencoder' trains a plain autoencoder, "
                        + "which has no posterior to push through it");
    }

    @Test
    void aHierarchicalVaeWithOneLatentSize() throws IOException {
        ObjectNode s = Specs.tinyHierarchical(data.toString());
        ((ObjectNode) s.get("model")).putArray("latentDims").add(8);
        spec(s, "a hierarchical VAE with one latent size", "`\"latentDims\": [8]`")
                .fails(2, "$.model.latentDims: is required: two whole numbers [L1, L2], the sizes of z1 (next to the "
                        + "data) and z2 (the top)");
    }

    @Test
    void aHierarchicalVaeTrainedByTheIwaeBound() throws IOException {
        ObjectNode s = Specs.tinyHierarchical(data.toString());
        s.putObject("objective").put("type", "iwae").put("samples", 5);
        spec(s, "a hierarchical VAE trained by the IWAE bound", "`\"objective\": {\"type\": \"iwae\"}` with "
                + "`\"type\": \"hierarchical-vae\"`")
                .fails(2, "$.objective: 'iwae' with these settings does not train a hierarchical VAE: it trains with "
                        + "the one-sample ELBO, {\"type\": \"elbo\"} (a beta schedule allowed, samples 1)");
    }

    @Test
    void aPixelCnnAsAGansGenerator() throws IOException {
        ObjectNode s = Specs.tinyDcgan(data.toString());
        ((ObjectNode) s.get("model")).putObject("generator").put("type", "pixelcnn");
        spec(s, "a PixelCNN as a GAN's generator", "`\"generator\": {\"type\": \"pixelcnn\"}`")
                .fails(2, "$.model.generator: is autoregressive: it scores data it is shown pixel by pixel, and a "
                        + "generator has no data to be shown; use a decoder that maps z to an image (mlp, cnn)");
    }

    @Test
    void aConditionalVaeWithAVampPrior() throws IOException {
        ObjectNode s = Specs.tinyConditional(data.toString());
        ((ObjectNode) s.get("model")).putObject("prior").put("type", "vamp").put("pseudoInputs", 5);
        spec(s, "a conditional VAE with a VampPrior", "`\"conditional\": true` with `\"prior\": {\"type\": \"vamp\"}`")
                .fails(2, "$.model.prior: is a VampPrior, whose pseudo-inputs have no class, and this VAE's encoder "
                        + "needs one (\"conditional\": true); use standard-normal or mog");
    }

    @Test
    void aConditionalVaeWithAPixelCnnDecoder() throws IOException {
        ObjectNode s = Specs.tinyConditional(data.toString());
        ((ObjectNode) s.get("model")).putObject("decoder").put("type", "pixelcnn").put("channels", 4);
        spec(s, "a conditional VAE with a PixelCNN decoder", "`\"conditional\": true` with "
                + "`\"decoder\": {\"type\": \"pixelcnn\"}`")
                .fails(2, "$.model.decoder: is autoregressive (a PixelCNN), which a conditional VAE does not support "
                        + "yet; use mlp or cnn, or \"conditional\": false");
    }

    @Test
    void earlyStoppingOnAnUnknownFigure() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("validation", 50);
        obj(s, "training").putObject("earlyStopping").put("metric", "fid");
        spec(s, "early stopping on a figure the model does not report", "`\"metric\": \"fid\"`")
                .fails(2, "$.training.earlyStopping.metric: unknown figure 'fid'; this model reports on validation: "
                        + "neg_elbo, reconstruction, kl, bpd");
    }

    // ---------------------------------------------------------------- convolutional models and CIFAR-10

    /** The tiny spec with a cnn encoder (small filters) and the MLP decoder, so one problem is reported. */
    private static ObjectNode cnnEncoder(ObjectNode s) {
        ObjectNode e = component(s, "encoder").removeAll().put("type", "cnn");
        e.putArray("filters").add(4).add(8);
        return e;
    }

    @Test
    void cnnBuiltForImagesWithOtherChannels() throws IOException {
        ObjectNode s = base();
        cnnEncoder(s).putArray("imageShape").add(3).add(28).add(28);
        spec(s, "images whose channels do not fit a cnn", "`\"imageShape\": [3, 28, 28]` on 1x28x28 Fashion-MNIST")
                .fails(2, "$.model.encoder.imageShape: the architecture is built for 3x28x28 images (channels x height x "
                        + "width), but the data's images are 1x28x28: their channels differ");
    }

    @Test
    void cnnBuiltForImagesOfAnotherSize() throws IOException {
        ObjectNode s = base();
        cnnEncoder(s).putArray("imageShape").add(1).add(32).add(32);
        spec(s, "images whose size does not fit a cnn", "`\"imageShape\": [1, 32, 32]` on 1x28x28 Fashion-MNIST")
                .fails(2, "$.model.encoder.imageShape: the architecture is built for 1x32x32 images (channels x height x "
                        + "width), but the data's images are 1x28x28: their sizes differ");
    }

    @Test
    void cnnStridedConvolutionsThatDoNotFitTheImages() throws IOException {
        ObjectNode s = base();
        ObjectNode e = cnnEncoder(s);
        e.putArray("filters").add(8).add(8).add(8).add(8);
        e.put("depth", 1).put("kernel", 7).put("padding", 0);
        spec(s, "a kernel/stride combination that does not reach the image size", "`\"filters\": [8, 8, 8, 8], "
                + "\"depth\": 1, \"kernel\": 7, \"padding\": 0` on 28x28 images")
                .fails(2, "$.model.encoder.filters: the 4 strided convolutions (kernel 7, stride 2, padding 0) do not fit "
                        + "28x28 images: 28x28 -> 11x11 -> 3x3, and kernel 7 is larger than the padded 3x3 input of "
                        + "strided convolution 3; use fewer filters, a smaller kernel, a smaller stride or more padding");
    }

    @Test
    void cnnEvenKernelBetweenStrides() throws IOException {
        ObjectNode s = base();
        cnnEncoder(s).put("kernel", 4);
        spec(s, "an even kernel where stride-1 convolutions must keep the size", "`\"kernel\": 4` with the default "
                + "`\"depth\": 2`")
                .fails(2, "$.model.encoder.kernel: must be odd when depth > 1 (the stride-1 convolutions keep the size "
                        + "with padding (kernel - 1) / 2), got 4");
    }

    @Test
    void cifarFileNotAMultipleOfTheRecord() throws IOException {
        Path d = TinyCifar10.write(dir.resolve("data"), 4);
        Path batch = d.resolve("data_batch_3.bin");
        Files.write(batch, new byte[] {7}, java.nio.file.StandardOpenOption.APPEND);
        ObjectNode s = base();
        obj(s, "data").put("dataset", "cifar-10").put("path", d.toString()).put("validation", 0);
        spec(s, "CIFAR-10 file whose length is not a multiple of 3073", "one byte appended to `data_batch_3.bin` "
                + "of 4 records")
                .failsWith(3, batch + ": is 12293 bytes, not a multiple of the 3073-byte record (1 label + 3072 pixels); "
                        + "last record starts at byte 12292 and has only 1 of its 3073 bytes (4 whole records before it)");
    }

    @Test
    void latentSizeFlagOutOfRange() throws IOException {
        new Case("`--latent-size` out of range (the flag edits the spec, so the JSON path is named)",
                "`vae4j train SPEC.json --latent-size 0`", write(base()), "--latent-size", "0")
                .command("train")
                .fails(2, "$.model.latentDim: must be from 1 to 1000000, got 0");
    }

    @Test
    void lossModeFlagUnknown() throws IOException {
        new Case("unknown `--loss-mode`", "`vae4j train SPEC.json --loss-mode gan`", write(base()), "--loss-mode", "gan")
                .command("train")
                .failsWith(2, "--loss-mode must be ae (autoencoder) or vae (ELBO), got 'gan'");
    }

    @Test
    void betaModeFlagUnknown() throws IOException {
        new Case("unknown `--beta-mode`", "`vae4j train SPEC.json --beta-mode cyclic`", write(base()), "--beta-mode",
                "cyclic")
                .command("train")
                .fails(2, "$.objective.beta.type: unknown beta schedule type 'cyclic'; registered: constant, linear");
    }

    // ---------------------------------------------------------------- command line and run folders

    @Test
    void mistypedOption() throws IOException {
        new Case("mistyped option", "`vae4j train SPEC.json --epoch 3`", write(base()), "--epoch", "3")
                .command("train")
                .failsWith(2, "unknown option '--epoch'; the options of train are: --beta-mode, --epochs, --force, "
                        + "--init-from, --latent-size, --loss-mode, --no-progress, --out, --log-dir, --plugins, --rerun, "
                        + "--resume, --seed, --target-beta");
    }

    @Test
    void existingRunFolder() throws IOException {
        Path spec = write(base());
        Path run = Files.createDirectories(dir.resolve("runs/tiny"));
        Files.writeString(run.resolve("metrics.csv"), "epoch\n");
        new Case("run folder exists and is not empty", "`vae4j train SPEC.json --out DIR/runs/tiny` a second time",
                spec, "--out", run)
                .command("train")
                .failsWith(4, run + " already exists and is not empty; choose another --out, continue it with --resume, "
                        + "or pass --force to move it aside to tiny.replaced-<time> and start afresh");
        assertEquals("epoch\n", Files.readString(run.resolve("metrics.csv")), "untouched");
    }

    @Test
    void twoPluginsWithOneName() throws IOException {
        Path a = PluginJars.write(dir.resolve("plugins/a.jar"), PluginJars.TINY_LINEAR);
        Path b = PluginJars.write(dir.resolve("plugins/b.jar"), PluginJars.TINY_LINEAR);
        ObjectNode s = base();
        component(s, "encoder").removeAll().put("type", "tiny-linear");
        new Case("two plugin jars provide a type name the spec uses (a spec that does not use it runs, with a warning)", "`a.jar` and `b.jar` both provide encoder "
                + "`tiny-linear`", write(s), "--plugins", a.getParent())
                .failsAfterWarningsWith(6, "two encoder providers are named 'tiny-linear': one in " + a + ", one in "
                        + b + "; remove one of the jars");
    }

    @Test
    void resumeAndForceTogether() throws IOException {
        Path spec = write(base());
        new Case("`--resume` with `--force`", "`vae4j train SPEC.json --resume --force`", spec, "--resume", "--force")
                .command("train")
                .failsWith(2, "--resume and --force contradict each other: pick one");
    }

    @Test
    void resumeWithoutARunFolder() throws IOException {
        Path spec = write(base());
        Path run = dir.resolve("runs/never");
        new Case("`--resume` of a run that does not exist", "`vae4j train SPEC.json --resume --out DIR/runs/never`",
                spec, "--resume", "--out", run)
                .command("train")
                .failsWith(4, run + " does not exist, so there is nothing to resume; start the run without --resume");
    }

    @Test
    void duplicateJsonKey() throws IOException {
        file("{\"name\": \"x\",\n \"seed\": 1,\n \"seed\": 2\n}\n", "the same key twice in one object",
                "`\"seed\": 1, \"seed\": 2`")
                .fails(2, "$: not valid JSON at line 3, column 8 (byte 33): the field 'seed' appears twice in one "
                        + "object; keep one");
    }

    @Test
    void layerTooLargeForMemory() throws IOException {
        ObjectNode s = base();
        component(s, "encoder").putArray("hidden").add(2_000_000_000);
        Case c = spec(s, "a layer too large to allocate (MEMORY: what -Xmx lets ND4J allocate)",
                "`\"hidden\": [2000000000]`");
        CliResult r = c.run();
        assertEquals(2, r.code(), r::toString);
        assertEquals("vae4j validate: " + dir.resolve("spec.json") + ": 1 problem\n  $.model.encoder: cannot build mlp: "
                + "Dense(784 -> 2000000000) needs 1,568,000,000,000 parameter values, 22.8 TB with their gradients and "
                + "optimizer state, more than the " + MEMORY + " ND4J may allocate here (set by -Xmx in VAE4J_JAVA_OPTS); "
                + "make it smaller\n", r.err());
        c.record(r, java.util.regex.Pattern.quote(MEMORY), "MEMORY");
    }

    @Test
    void pluginFolderMissing() throws IOException {
        Path missing = dir.resolve("no-such-plugins");
        new Case("`--plugins` naming nothing", "`--plugins DIR/no-such-plugins`", write(base()), "--plugins", missing)
                .failsWith(2, "--plugins " + missing + ": no such folder or jar");
    }

    @Test
    void pluginPathNotAJar() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
        new Case("`--plugins` naming a file that is no jar", "`--plugins DIR/notes.txt`", write(base()), "--plugins",
                notes).failsWith(2, "--plugins " + notes + ": not a folder or a .jar file");
    }

    @Test
    void idxLabelOutOfRange() throws IOException {
        Path bad = TinyFashionMnist.write(dir.resolve("bad-labels"));
        Path labels = bad.resolve("train-labels-idx1-ubyte.gz");
        byte[] raw = TinyFashionMnist.gunzip(labels);
        raw[8 + 17] = 12;
        TinyFashionMnist.regzip(labels, raw);
        spec(Specs.tiny(bad.toString()), "an IDX label outside the data set's classes", "label 12 in a labels file")
                .failsWith(3, labels + ": label 12 of image 17 (byte 25) is outside 0..9, the 10 classes of this "
                        + "data set");
    }

    @Test
    void numpyImagesOutOfRange() throws IOException {
        Path arrays = dir.resolve("arrays");
        Files.createDirectories(arrays);
        for (String split : List.of("x_train", "x_test")) {
            try (var out = Files.newOutputStream(arrays.resolve(split + ".npy"))) {
                org.nd4j.linalg.api.ndarray.INDArray x = org.nd4j.linalg.factory.Nd4j.valueArrayOf(new long[] {300, 28, 28},
                        0.5f, org.nd4j.linalg.api.buffer.DataType.FLOAT);
                x.putScalar(new long[] {3, 0, 7}, 37);
                org.vae4j.engine.io.Npy.write(x, out);
            }
        }
        ObjectNode s = Specs.tiny(arrays.toString());
        obj(s, "data").put("dataset", "npy");
        Path x = arrays.resolve("x_train.npy");
        spec(s, "NumPy images out of range", "a float pixel of 37 in `x_train.npy`")
                .failsWith(3, x + ": the array holds 37.0 at flat index 2359 (image 3): floating-point images must lie "
                        + "in [0, 1]; divide by 255, or store them as uint8");
    }

    @Test
    void ownDataWithoutTestSplit() throws IOException {
        Path arrays = dir.resolve("arrays");
        Files.createDirectories(arrays);
        try (var out = Files.newOutputStream(arrays.resolve("x_train.npy"))) {
            org.vae4j.engine.io.Npy.write(org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.UINT8,
                    300, 28, 28), out);
        }
        ObjectNode s = Specs.tiny(arrays.toString());
        obj(s, "data").put("dataset", "npy");
        spec(s, "own data without a test split", "only `x_train.npy`, no `testFraction`")
                .failsWith(3, arrays + ": npy data with no test split: add x_test.npy (and y_test.npy if labelled), or "
                        + "set $.data.testFraction to hold out that share of the training images (e.g. 0.1)");
    }

    @Test
    void testFractionForDataWithATestSplit() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("testFraction", 0.1);
        spec(s, "a test fraction for data that has a test split", "`\"testFraction\": 0.1` on Fashion-MNIST")
                .failsWith(3, data.resolve("t10k-images-idx3-ubyte.gz") + ": is the test split of explicit path " + data
                        + " (from the spec), and $.data.testFraction asks for one held out of the training images: "
                        + "remove one of them");
    }

    @Test
    void imageShapeForADataSetOfOneShape() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("resize", true).putArray("imageShape").add(1).add(32).add(32);
        spec(s, "an image shape for a data set of one shape", "`\"imageShape\": [1, 32, 32]` on Fashion-MNIST")
                .fails(2, "$.data.imageShape: is for image-folder only: the other data sets have images of one shape");
    }

    @Test
    void resizeWithoutAnImageShape() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("dataset", "image-folder").put("resize", true);
        spec(s, "resize without an image shape", "`\"resize\": true` and no `\"imageShape\"`")
                .fails(2, "$.data.resize: needs $.data.imageShape, the [C, H, W] to scale the images to");
    }

    @Test
    void numpyDataWithoutPath() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("dataset", "npy").remove("path");
        spec(s, "own data without a path", "`\"dataset\": \"npy\"` and no `\"path\"`")
                .fails(2, "$.data.path: is required for npy: a folder holding x_train.npy and x_test.npy (and "
                        + "y_train.npy, y_test.npy for labels)");
    }

    @Test
    void trainAndTestImagesOfDifferentSizes() throws IOException {
        Path mixed = TinyFashionMnist.write(dir.resolve("mixed"));
        Path testImages = mixed.resolve("t10k-images-idx3-ubyte.gz");
        // the same test pixels, declared as 100 images of 14 x 56
        byte[] raw = TinyFashionMnist.gunzip(testImages);
        java.nio.ByteBuffer.wrap(raw).putInt(8, 14).putInt(12, 56);
        TinyFashionMnist.regzip(testImages, raw);
        spec(Specs.tiny(mixed.toString()), "test images of another size than the training images",
                "14x56 test images, 28x28 training images")
                .failsWith(3, testImages + ": the test images are 1x14x56 "
                        + "but the training images 1x28x28 (explicit path " + mixed + " (from the spec)): a model fits "
                        + "one size; use files of one data set");
    }

    @Test
    void resumeWithFewerEpochsThanTrained() throws IOException {
        Path spec = write(base());
        Path run = dir.resolve("runs/short");
        assertEquals(0, Vae4j.run("train", spec, "--out", run, "--epochs", 2, "--no-progress").code());
        new Case("`--resume --epochs N` below the epochs trained", "`--resume --out RUN --epochs 1` after 2 epochs",
                spec, "--resume", "--out", run, "--epochs", 1)
                .command("train")
                .failsWith(2, run + " has trained 2 epochs; --epochs 1 would end before that. Give more than 2 to "
                        + "continue, or leave --epochs out");
    }

    @Test
    void outputPathThroughAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        Path out = file.resolve("run");
        new Case("`--out` under a path whose parent is a file", "`--out DIR/afile/run`", write(base()), "--out", out,
                "--no-progress")
                .command("train")
                .failsWith(4, "cannot use " + out + ": a part of the path is a file, not a folder");
    }

    @Test
    void outputNameTooLong() throws IOException {
        Path out = dir.resolve("r".repeat(300));
        new Case("a run folder name too long for the file system", "`--out DIR/rrr...r` (300 characters)", write(base()),
                "--out", out, "--no-progress")
                .command("train")
                .failsWith(4, "cannot use " + out + ": file name too long (shorten the run name or --out)");
    }

    @Test
    void evalOfAFolderThatIsNoRun() throws IOException {
        Path notRun = Files.createDirectories(dir.resolve("notes"));
        new Case("`eval` of a folder that is no run", "`vae4j eval DIR/notes`", notRun)
                .command("eval")
                .failsWith(4, notRun + " has no spec.json, so it is not a vae4j run folder");
    }

    @Test
    void resumeWithADifferentExperiment() throws IOException {
        ObjectNode s = base();
        obj(s, "training").put("epochs", 1);
        Path run = dir.resolve("run");
        CliResult first = Vae4j.run("train", write(s), "--out", run, "--no-progress");
        assertEquals(0, first.code(), first::toString);
        s.putObject("optimizer").put("lr", 0.01);
        obj(s, "training").put("epochs", 2);
        new Case("`--resume` with a spec that changed more than the epochs", "`\"lr\": 0.01` added, then "
                + "`vae4j train SPEC.json --resume --out RUN`", write(s), "--resume", "--out", run)
                .command("train")
                .failsWith(4, "cannot resume " + run + ": the spec differs from the run's spec.json in more than "
                        + "training.epochs ($.optimizer.lr: 0.001 in the run, 0.01 now); start a new run instead");
        assertEquals(2, Files.readAllLines(run.resolve("metrics.csv")).size(), "the run is left as it was");
    }

    /** Backs the "Not errors" section of the page: 32.0 is a whole number in the spec, not in a component. */
    @Test
    void zeroFractionIsAWholeNumberOnlyOutsideComponents() throws IOException {
        ObjectNode s = base();
        obj(s, "data").put("batchSize", 32.0);
        CliResult ok = Vae4j.run("validate", write(s));
        assertEquals(0, ok.code(), ok::toString);
        component(s, "encoder").putArray("hidden").add(32.0);
        CliResult r = Vae4j.run("validate", write(s));
        assertEquals(2, r.code(), r::toString);
        assertEquals("vae4j validate: " + dir.resolve("spec.json") + ": 1 problem\n"
                + "  $.model.encoder.hidden[0]: must be a whole number, got the number 32.0\n", r.err());
    }

    // ---------------------------------------------------------------- helpers

    /** A spec that passes every check: the tiny MLP VAE on the shared data. */
    private static ObjectNode base() {
        return Specs.tiny(data.toString());
    }

    private static ObjectNode obj(ObjectNode s, String field) {
        return (ObjectNode) s.get(field);
    }

    private static ObjectNode component(ObjectNode s, String field) {
        return (ObjectNode) s.get("model").get(field);
    }

    private Path write(ObjectNode spec) throws IOException {
        return Specs.write(dir.resolve("spec.json"), spec);
    }

    private Case spec(ObjectNode spec, String what, String example) throws IOException {
        return new Case(what, example, write(spec));
    }

    private Case file(String content, String what, String example) throws IOException {
        Path f = dir.resolve("spec.json");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return new Case(what, example, f);
    }

    /** One row of the catalogue: a command on a bad input, the exit code and message it must give. */
    private final class Case {
        private final String what;
        private final String example;
        private final List<Object> args = new ArrayList<>();
        private final Path target;
        private String command = "validate";

        Case(String what, String example, Path target, Object... more) {
            this.what = what;
            this.example = example;
            this.target = target;
            args.add(target);
            args.addAll(List.of(more));
        }

        Case command(String c) {
            this.command = c;
            return this;
        }

        CliResult run() {
            List<Object> all = new ArrayList<>();
            all.add(command);
            all.addAll(args);
            return Vae4j.run(all.toArray());
        }

        /** A spec problem list: "FILE: N problem(s)" and one indented line per problem. */
        void fails(int code, String... problems) {
            String head = target + ": " + (problems.length == 1 ? "1 problem" : problems.length + " problems");
            failsWith(code, head + "\n  " + String.join("\n  ", problems));
        }

        /** Any message: the command's error output is exactly "vae4j COMMAND: " + message. */
        void failsWith(int code, String message) {
            CliResult r = run();
            assertEquals(code, r.code(), r::toString);
            assertEquals("vae4j " + command + ": " + message + "\n", r.err());
            record(r);
        }

        /** As {@link #failsWith}, after warnings on the lines before (which the catalogue leaves out). */
        void failsAfterWarningsWith(int code, String message) {
            CliResult r = run();
            assertEquals(code, r.code(), r::toString);
            List<String> lines = r.err().lines().toList();
            assertEquals("vae4j " + command + ": " + message, lines.get(lines.size() - 1), r::toString);
            lines.subList(0, lines.size() - 1).forEach(l -> assertTrue(l.startsWith("warning: "), l));
            record(new CliResult(r.code(), r.out(), lines.get(lines.size() - 1) + "\n"));
        }

        /** Notes the observed message for the catalogue page and checks the page quotes it. */
        void record(CliResult r, String... replacements) {
            String message = normalize(r.err().strip());
            for (int i = 0; i < replacements.length; i += 2) {
                message = message.replaceAll(replacements[i], replacements[i + 1]);
            }
            String cell = cell(message);
            String ref = "`" + SpecErrorCatalogueTest.class.getSimpleName() + "#" + method + "`";
            OBSERVED.put(method, "| " + what + " | " + example + " | " + cell + " | " + r.code() + " | " + ref + " |\n");
            String row = docRow(ref);
            assertTrue(row.contains("| " + cell + " | " + r.code() + " |"), () -> DOC + " must quote the message of "
                    + method + "; the row there:\n" + row + "\nthe message rendered:\n" + cell);
        }

        private String normalize(String message) {
            String m = message;
            if (target != null) {
                m = m.replace(dir.resolve("spec.json").toString(), "SPEC.json");
            }
            m = m.replace(data.toString(), "DATA");
            m = m.replace(dir.resolve("data").toString(), "DATA");
            m = m.replace(dir.toString(), "DIR");
            m = m.replace(DataLocator.cacheRoot(System.getenv()).toString(), "~/.cache/vae4j");
            return m;
        }
    }

    /** A message as a table cell: each line a code span, lines joined by {@code <br>}. */
    static String cell(String message) {
        List<String> parts = new ArrayList<>();
        for (String line : message.split("\n")) {
            parts.add("`" + line.strip().replace("|", "\\|") + "`");
        }
        return String.join("<br>", parts);
    }

    /** The row of the catalogue page that names the test. */
    private static String docRow(String ref) {
        Path doc = findDoc();
        if (doc == null) {
            fail(DOC + " not found above " + Path.of("").toAbsolutePath());
        }
        try {
            return Files.readAllLines(doc).stream().filter(l -> l.contains(ref)).findFirst()
                    .orElseGet(() -> fail(DOC + " has no row naming " + ref));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path findDoc() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(DOC))) {
                return p.resolve(DOC);
            }
        }
        return null;
    }
}
