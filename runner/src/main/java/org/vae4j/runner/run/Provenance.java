package org.vae4j.runner.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.runner.spec.SpecParser;

/**
 * {@code provenance.json}: everything needed to trace a result and repeat it, in the spirit of
 * Tribuo's provenance: vae4j, Java, OS and ND4J backend versions, thread settings, the data files'
 * SHA-256, the seed and the resolved spec. {@code vae4j train --rerun RUN_DIR} repeats a run from it.
 */
public final class Provenance {
    /** The field listing the providers a run used and their jars ({@link org.vae4j.runner.plugins.ProvidersUsed}). */
    public static final String PROVIDERS = org.vae4j.runner.plugins.ProvidersUsed.PROVENANCE_FIELD;

    private Provenance() {
    }

    /**
     * @param resolvedSpec the resolved spec
     * @param seed         the run seed
     * @param dataSha256   SHA-256 per data file
     * @param dataSource   where the data came from
     * @param commandLine  the arguments vae4j was started with
     * @return the manifest
     */
    public static ObjectNode of(ObjectNode resolvedSpec, long seed, Map<Path, String> dataSha256, String dataSource,
                                List<String> commandLine) {
        ObjectNode p = SpecParser.MAPPER.createObjectNode();
        p.put("vae4j", version());
        p.put("created", Instant.now().toString());
        p.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        ObjectNode nd4j = p.putObject("nd4j");
        nd4j.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        nd4j.put("version", nd4jVersion());
        Map<String, String> env = new TreeMap<>();
        Nd4j.getExecutioner().getEnvironmentInformation().forEach((k, v) -> {
            if (k instanceof String s && (s.contains("threads") || s.contains("blas") || s.equals("cores"))) {
                env.put(s, String.valueOf(v));
            }
        });
        env.forEach(nd4j::put);
        ObjectNode threads = p.putObject("threadEnvironment");
        for (String k : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VAE4J_BLAS_THREADS",
                "LD_PRELOAD")) {
            threads.put(k, System.getenv(k));
        }
        p.put("seed", seed);
        p.put("dataSource", dataSource);
        ObjectNode files = p.putObject("dataFiles");
        new TreeMap<>(dataSha256).forEach((file, sha) -> files.put(file.toString(), sha));
        p.putPOJO("commandLine", commandLine);
        p.set("spec", resolvedSpec);
        return p;
    }

    /** ND4J's jars carry no Implementation-Version; Maven's pom.properties in nd4j-api has it. */
    private static String nd4jVersion() {
        String v = Nd4j.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        try (InputStream in = Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version");
            }
        } catch (IOException e) {
            // unknown, then
        }
        return null;
    }

    /** @return this build's version, from the jar manifest */
    public static String version() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
