package org.vae4j.runner.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.spi.Provider;
import org.vae4j.engine.layers.Dense;

/**
 * Builds plugin jars at test time, the way a third party would: Java source compiled with the
 * system compiler against the test class path, then jarred with a
 * {@code META-INF/services/org.vae4j.api.spi.Provider} file. Nothing of it is on the class path;
 * only the runner's plugin discovery can find it.
 *
 * <p>The classes (package {@code com.example.tiny}) are compiled once per JVM:
 * <ul>
 *   <li>{@code ClassNamingEncoderProvider}: type {@code class-naming}, whose configuration class
 *       carries {@code @JsonTypeInfo(use = Id.CLASS)}, so JSON could name a class to instantiate;</li>
 *   <li>{@code TinyLinearEncoderProvider}, {@code TinyLinearDecoderProvider}: type
 *       {@code tiny-linear}, one dense layer each, built as {@code Sequential} subclasses;</li>
 *   <li>{@code ForgetsLikelihoodDecoderProvider}: type {@code forgets-likelihood}, a decoder that
 *       outputs D values whatever the likelihood needs (P * D), so shapes only fit when P = 1.</li>
 * </ul>
 */
public final class PluginJars {
    /** The service file every plugin jar carries. */
    public static final String SERVICES = "META-INF/services/" + Provider.class.getName();
    /** The providers of type tiny-linear. */
    public static final List<String> TINY_LINEAR = List.of("com.example.tiny.TinyLinearEncoderProvider",
            "com.example.tiny.TinyLinearDecoderProvider");
    /** The decoder of type forgets-likelihood. */
    public static final String FORGETS_LIKELIHOOD = "com.example.tiny.ForgetsLikelihoodDecoderProvider";

    /** A model family of type tiny-ae, all of its own, with no change to the engine or the runner. */
    public static final String TINY_AE_FAMILY = "com.example.tiny.TinyAutoencoderFamily";

    /** A data set reader of type csv-images: train.csv and test.csv of "label,pixel,..." lines. */
    public static final String CSV_READER = "com.example.tiny.CsvImagesReaderProvider";
    /** An encoder of type class-naming whose configuration lets JSON name a class, as no plugin should. */
    public static final String CLASS_NAMING = "com.example.tiny.ClassNamingEncoderProvider";

    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("ClassNamingConfig", """
                    package com.example.tiny;

                    import com.fasterxml.jackson.annotation.JsonTypeInfo;

                    public final class ClassNamingConfig {
                        @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
                        public Object payload;
                    }
                    """),
            Map.entry("ClassNamingEncoderProvider", """
                    package com.example.tiny;

                    import java.util.List;
                    import org.vae4j.api.Encoder;
                    import org.vae4j.api.spi.BuildContext;
                    import org.vae4j.api.spi.Provider;
                    import org.vae4j.engine.init.Initializer;
                    import org.vae4j.engine.layers.Dense;

                    public final class ClassNamingEncoderProvider implements Provider<Encoder, ClassNamingConfig> {
                        public Class<Encoder> kind() { return Encoder.class; }
                        public String type() { return "class-naming"; }
                        public Class<ClassNamingConfig> configClass() { return ClassNamingConfig.class; }
                        public Encoder create(ClassNamingConfig c, BuildContext ctx) {
                            return new TinyLinearEncoder(List.of(new Dense(ctx.inputWidth(), ctx.outputWidth(),
                                    Initializer.PYTORCH, ctx.dataType(), ctx.random())));
                        }
                    }
                    """),
            Map.entry("CsvImagesReaderProvider", """
                    package com.example.tiny;

                    import java.io.IOException;
                    import java.nio.file.Files;
                    import java.nio.file.Path;
                    import java.util.ArrayList;
                    import java.util.List;
                    import org.vae4j.api.data.DatasetReader;
                    import org.vae4j.api.data.ImageData;
                    import org.vae4j.api.spi.BuildContext;
                    import org.vae4j.api.spi.Provider;

                    /** A third party's format: a folder of train.csv (and test.csv), lines "label,p0,p1,...". */
                    public final class CsvImagesReaderProvider implements Provider<DatasetReader,
                            CsvImagesReaderProvider.Config> {
                        public static final class Config {
                            public int height = 28;
                            public int width = 28;
                        }

                        public Class<DatasetReader> kind() { return DatasetReader.class; }
                        public String type() { return "csv-images"; }
                        public Class<Config> configClass() { return Config.class; }

                        public DatasetReader create(Config c, BuildContext ctx) {
                            return new DatasetReader() {
                                public String layout() {
                                    return "a folder holding train.csv (and test.csv) of label,pixel,... lines";
                                }

                                public List<Path> files(Path path) throws IOException {
                                    if (!Files.isRegularFile(path.resolve("train.csv"))) {
                                        throw new IOException(path.resolve("train.csv") + " does not exist");
                                    }
                                    List<Path> out = new ArrayList<>(List.of(path.resolve("train.csv")));
                                    if (hasTestSplit(path)) {
                                        out.add(path.resolve("test.csv"));
                                    }
                                    return out;
                                }

                                public boolean hasTestSplit(Path path) {
                                    return Files.isRegularFile(path.resolve("test.csv"));
                                }

                                public ImageData read(Path path, boolean test) throws IOException {
                                    Path f = path.resolve(test ? "test.csv" : "train.csv");
                                    List<String> lines = Files.readAllLines(f);
                                    int d = c.height * c.width;
                                    byte[] px = new byte[lines.size() * d];
                                    int[] labels = new int[lines.size()];
                                    int classes = 1;
                                    for (int i = 0; i < lines.size(); i++) {
                                        String[] v = lines.get(i).split(",");
                                        if (v.length != d + 1) {
                                            throw new IOException(f + " line " + (i + 1) + ": " + (v.length - 1)
                                                    + " pixels, expected " + d);
                                        }
                                        labels[i] = Integer.parseInt(v[0]);
                                        classes = Math.max(classes, labels[i] + 1);
                                        for (int j = 0; j < d; j++) {
                                            px[i * d + j] = (byte) Integer.parseInt(v[j + 1]);
                                        }
                                    }
                                    List<String> names = new ArrayList<>();
                                    for (int k = 0; k < Math.max(classes, 10); k++) {
                                        names.add("class " + k);
                                    }
                                    return new ImageData(px, labels, 1, c.height, c.width, names);
                                }
                            };
                        }
                    }
                    """),
            Map.entry("TinyLinearConfig", """
                    package com.example.tiny;

                    /** {"type": "tiny-linear", "init": "xavier"} */
                    public final class TinyLinearConfig {
                        public String init = "pytorch";
                    }
                    """),
            Map.entry("TinyLinearEncoder", """
                    package com.example.tiny;

                    import java.util.List;
                    import org.vae4j.api.Encoder;
                    import org.vae4j.api.Layer;
                    import org.vae4j.engine.layers.Sequential;

                    public final class TinyLinearEncoder extends Sequential implements Encoder {
                        TinyLinearEncoder(List<Layer> layers) {
                            super(layers);
                        }
                    }
                    """),
            Map.entry("TinyLinearDecoder", """
                    package com.example.tiny;

                    import java.util.List;
                    import org.vae4j.api.Decoder;
                    import org.vae4j.api.Layer;
                    import org.vae4j.engine.layers.Sequential;

                    public final class TinyLinearDecoder extends Sequential implements Decoder {
                        TinyLinearDecoder(List<Layer> layers) {
                            super(layers);
                        }
                    }
                    """),
            Map.entry("TinyLinearEncoderProvider", """
                    package com.example.tiny;

                    import java.util.List;
                    import org.vae4j.api.Encoder;
                    import org.vae4j.api.spi.BuildContext;
                    import org.vae4j.api.spi.Provider;
                    import org.vae4j.engine.init.Initializer;
                    import org.vae4j.engine.layers.Dense;

                    public final class TinyLinearEncoderProvider implements Provider<Encoder, TinyLinearConfig> {
                        public Class<Encoder> kind() { return Encoder.class; }
                        public String type() { return "tiny-linear"; }
                        public Class<TinyLinearConfig> configClass() { return TinyLinearConfig.class; }
                        public String description() { return "one dense layer (test plugin)"; }
                        public Encoder create(TinyLinearConfig c, BuildContext ctx) {
                            return new TinyLinearEncoder(List.of(new Dense(ctx.inputWidth(), ctx.outputWidth(),
                                    Initializer.named(c.init), ctx.dataType(), ctx.random())));
                        }
                    }
                    """),
            Map.entry("TinyLinearDecoderProvider", """
                    package com.example.tiny;

                    import java.util.List;
                    import org.vae4j.api.Decoder;
                    import org.vae4j.api.spi.BuildContext;
                    import org.vae4j.api.spi.Provider;
                    import org.vae4j.engine.init.Initializer;
                    import org.vae4j.engine.layers.Dense;

                    public final class TinyLinearDecoderProvider implements Provider<Decoder, TinyLinearConfig> {
                        public Class<Decoder> kind() { return Decoder.class; }
                        public String type() { return "tiny-linear"; }
                        public Class<TinyLinearConfig> configClass() { return TinyLinearConfig.class; }
                        public String description() { return "one dense layer (test plugin)"; }
                        public Decoder create(TinyLinearConfig c, BuildContext ctx) {
                            return new TinyLinearDecoder(List.of(new Dense(ctx.inputWidth(), ctx.outputWidth(),
                                    Initializer.named(c.init), ctx.dataType(), ctx.random())));
                        }
                    }
                    """),
            Map.entry("TinyAutoencoderFamily", """
                    package com.example.tiny;

                    import java.util.List;
                    import java.util.Map;
                    import org.nd4j.linalg.api.ndarray.INDArray;
                    import org.nd4j.linalg.api.rng.Random;
                    import org.vae4j.api.Pass;
                    import org.vae4j.api.data.Batch;
                    import org.vae4j.api.model.MetricInfo;
                    import org.vae4j.api.model.Metrics;
                    import org.vae4j.api.model.Model;
                    import org.vae4j.api.model.ParameterGroup;
                    import org.vae4j.api.model.Reconstructor;
                    import org.vae4j.api.model.StepContext;
                    import org.vae4j.api.model.TrainingPhase;
                    import org.vae4j.api.spi.AbstractProvider;
                    import org.vae4j.api.spi.BuildContext;
                    import org.vae4j.api.spi.ConfigException;
                    import org.vae4j.engine.init.Initializer;
                    import org.vae4j.engine.layers.Dense;
                    import org.vae4j.engine.layers.Sequential;
                    import org.vae4j.engine.layers.Tanh;

                    /** A model family of a third party: a linear-tanh autoencoder trained on squared error. */
                    public final class TinyAutoencoderFamily extends AbstractProvider<Model, TinyAutoencoderFamily.Config> {
                        public static final class Config {
                            public int code = 4;
                        }

                        public TinyAutoencoderFamily() {
                            super(Model.class, "tiny-ae", Config.class, "a squared-error autoencoder (test plugin)");
                        }

                        @Override
                        public void validate(Config c) {
                            ConfigException.require(c.code >= 1, "code", "must be >= 1, got " + c.code);
                        }

                        @Override
                        public Model create(Config c, BuildContext ctx) {
                            long d = ctx.dataDimensions();
                            Sequential net = new Sequential(List.of(
                                    new Dense(d, c.code, Initializer.PYTORCH, ctx.dataType(), ctx.random()), new Tanh(c.code),
                                    new Dense(c.code, d, Initializer.PYTORCH, ctx.dataType(), ctx.random())));
                            return new TinyAutoencoder(net);
                        }

                        static final class TinyAutoencoder implements Model, Reconstructor {
                            private final Sequential net;
                            private final Pass train = Pass.training();
                            private final Pass probe = Pass.inference();

                            TinyAutoencoder(Sequential net) {
                                this.net = net;
                            }

                            public List<ParameterGroup> parameterGroups() {
                                return List.of(ParameterGroup.of("net", Map.of("net", net)));
                            }

                            public List<TrainingPhase> phases() {
                                return List.of(new TrainingPhase() {
                                    public String name() {
                                        return "squared-error";
                                    }

                                    public String group() {
                                        return "net";
                                    }

                                    public Metrics step(Batch b, StepContext ctx) {
                                        INDArray diff = net.forward(b.input(), train).sub(b.target());
                                        net.backward(diff.mul(2.0 / b.size()), train, false);
                                        return new Metrics().sum("mse", diff.mul(diff).sumNumber().doubleValue(), b.size())
                                                .sum("loss", diff.mul(diff).sumNumber().doubleValue(), b.size());
                                    }
                                });
                            }

                            public Metrics evaluate(Batch b, Random random) {
                                INDArray diff = net.forward(b.input(), probe).sub(b.target());
                                return new Metrics().sum("mse", diff.mul(diff).sumNumber().doubleValue(), b.size());
                            }

                            public List<MetricInfo> metrics() {
                                return List.of(MetricInfo.mean("mse", "squared error per image", "", "mse"));
                            }

                            public INDArray reconstruct(INDArray input) {
                                // pictures clamp to [0, 1]
                                return net.forward(input, probe).dup();
                            }

                            public String describe() {
                                return "tiny autoencoder: " + net.describe();
                            }
                        }
                    }
                    """),
            Map.entry("ForgetsLikelihoodDecoderProvider", """
                    package com.example.tiny;

                    import java.util.List;
                    import org.vae4j.api.Decoder;
                    import org.vae4j.api.spi.BuildContext;
                    import org.vae4j.api.spi.Provider;
                    import org.vae4j.engine.init.Initializer;
                    import org.vae4j.engine.layers.Dense;

                    /** A buggy decoder: one output per data dimension, whatever the likelihood needs. */
                    public final class ForgetsLikelihoodDecoderProvider implements Provider<Decoder, TinyLinearConfig> {
                        public Class<Decoder> kind() { return Decoder.class; }
                        public String type() { return "forgets-likelihood"; }
                        public Class<TinyLinearConfig> configClass() { return TinyLinearConfig.class; }
                        public Decoder create(TinyLinearConfig c, BuildContext ctx) {
                            return new TinyLinearDecoder(List.of(new Dense(ctx.inputWidth(), ctx.dataDimensions(),
                                    Initializer.named(c.init), ctx.dataType(), ctx.random())));
                        }
                    }
                    """));

    private static Path classes;

    private PluginJars() {
    }

    /**
     * Writes a plugin jar holding all compiled test plugin classes and a service file listing
     * the given provider classes (which need not exist: that is a broken plugin).
     *
     * @param jar       the jar to write
     * @param providers the lines of the service file
     * @return {@code jar}
     * @throws IOException if it cannot be written
     */
    public static Path write(Path jar, List<String> providers) throws IOException {
        return write(jar, providers, name -> true);
    }

    /**
     * Writes a jar of some of the compiled classes, so that a plugin and a library it depends on
     * can be separate jars.
     *
     * @param jar       the jar to write
     * @param providers the lines of the service file; none for a library jar without one
     * @param include   which class files (by path in the jar, e.g. {@code com/example/tiny/X.class})
     * @return {@code jar}
     * @throws IOException if it cannot be written
     */
    public static Path write(Path jar, List<String> providers, java.util.function.Predicate<String> include)
            throws IOException {
        Path compiled = compiled();
        Files.createDirectories(jar.toAbsolutePath().getParent());
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
             Stream<Path> files = Files.walk(compiled)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = compiled.relativize(f).toString().replace(File.separatorChar, '/');
                if (!include.test(name)) {
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
            if (!providers.isEmpty()) {
                out.putNextEntry(new JarEntry(SERVICES));
                out.write((String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * @param file where to write
     * @param size how many bytes
     * @return {@code file}, full of bytes that are no zip file
     * @throws IOException if it cannot be written
     */
    public static Path writeGarbage(Path file, int size) throws IOException {
        byte[] b = new byte[size];
        new java.util.Random(5).nextBytes(b);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(b);
        }
        return file;
    }

    /** Compiles the plugin sources once per JVM. */
    private static synchronized Path compiled() throws IOException {
        if (classes != null) {
            return classes;
        }
        Path root = Files.createTempDirectory("vae4j-test-plugin");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
        Path src = root.resolve("src/com/example/tiny");
        Path out = Files.createDirectories(root.resolve("classes"));
        Files.createDirectories(src);
        List<File> files = new ArrayList<>();
        for (Map.Entry<String, String> e : SOURCES.entrySet()) {
            Path f = src.resolve(e.getKey() + ".java");
            Files.writeString(f, e.getValue());
            files.add(f.toFile());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: the tests need a JDK, not a JRE");
        }
        StringWriter log = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-classpath", classPath(), "-d", out.toString());
            boolean ok = javac.getTask(log, fm, null, options, null, fm.getJavaFileObjectsFromFiles(files)).call();
            if (!ok) {
                throw new IllegalStateException("the test plugin does not compile:\n" + log);
            }
        }
        classes = out;
        return classes;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    /**
     * The test class path; plus the jars of the classes a plugin compiles against, in case the
     * class path is a manifest-only jar (as surefire may start the JVM with).
     */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        for (Class<?> c : List.of(Provider.class, Dense.class, INDArray.class)) {
            try {
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException | NullPointerException e) {
                // the class path has it, then
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
