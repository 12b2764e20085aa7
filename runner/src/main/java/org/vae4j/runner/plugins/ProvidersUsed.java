package org.vae4j.runner.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vae4j.api.spi.Provider;
import org.vae4j.datasets.Sha256;

/**
 * The providers a run used and the jars they came from (path, SHA-256, version), recorded in
 * {@code provenance.json} and every checkpoint, so that a run can be traced, and reopened later
 * with the same plugins: {@link #jarsToLoad} finds the recorded jars again, and {@link #hint} says
 * exactly which jar is missing and how to pass it.
 */
public final class ProvidersUsed {
    /** The field of {@code provenance.json} (and of checkpoint metadata) that holds the record. */
    public static final String PROVENANCE_FIELD = "providers";

    private ProvidersUsed() {
    }

    /**
     * @param providers the providers of a run's components, in spec order (repeats are dropped)
     * @return one entry per provider: kind, type, version, jar, sha256
     */
    public static ArrayNode record(List<Provider<?, ?>> providers) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        Map<String, String> hashes = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        for (Provider<?, ?> p : providers) {
            String key = Kinds.name(p.kind()) + " " + p.type();
            if (seen.contains(key)) {
                continue;
            }
            seen.add(key);
            ObjectNode e = out.addObject();
            e.put("kind", Kinds.name(p.kind()));
            e.put("type", p.type());
            e.put("version", p.version());
            Path jar = jarOf(p.getClass());
            e.put("jar", jar == null ? null : jar.toString());
            if (jar != null && Files.isRegularFile(jar)) {
                e.put("sha256", hashes.computeIfAbsent(jar.toString(), k -> sha256(jar)));
            }
        }
        return out;
    }

    /**
     * The registry for reopening a run: the given places, plus the plugin jars the run recorded
     * that are not registered there but still exist unchanged, so reopening needs no
     * {@code --plugins} for them.
     *
     * @param runDir   the run folder (its {@code provenance.json} says what it used)
     * @param discover builds a registry over extra jars (the caller's places plus these)
     * @return the registry
     * @throws MissingPluginsException naming each provider the run used that cannot be found and its jar
     */
    public static ProviderRegistry reopen(Path runDir, java.util.function.Function<List<Path>, ProviderRegistry> discover) {
        ProviderRegistry r = discover.apply(List.of());
        JsonNode recorded = recorded(runDir);
        if (recorded == null) {
            return r;
        }
        List<Path> extra = jarsToLoad(recorded, r);
        if (!extra.isEmpty()) {
            r = discover.apply(extra);
        }
        String hint = hint(recorded, r);
        if (!hint.isEmpty()) {
            throw new MissingPluginsException(hint);
        }
        return r;
    }

    /** @return the providers a run recorded in its provenance, or null */
    private static JsonNode recorded(Path runDir) {
        try {
            JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(runDir.resolve("provenance.json")
                    .toFile()).path(PROVENANCE_FIELD);
            return n.isArray() ? n : null;
        } catch (IOException e) {
            // no provenance: nothing recorded to find again
            return null;
        }
    }

    /**
     * The recorded jars that the registry does not have but that still exist with the recorded
     * content: loading them reopens a run without {@code --plugins}.
     *
     * @param recorded the {@code providers} array of a run's provenance
     * @param registry what is registered now
     * @return jars to add
     */
    public static List<Path> jarsToLoad(JsonNode recorded, ProviderRegistry registry) {
        List<Path> out = new ArrayList<>();
        for (JsonNode e : recorded) {
            Path jar = e.hasNonNull("jar") ? Path.of(e.get("jar").asText()) : null;
            if (jar == null || registered(e, registry) || !Files.isRegularFile(jar) || out.contains(jar)) {
                continue;
            }
            if (e.hasNonNull("sha256") && !e.get("sha256").asText().equals(sha256(jar))) {
                continue;
            }
            out.add(jar);
        }
        return out;
    }

    /**
     * @param recorded the {@code providers} array of a run's provenance
     * @param registry what is registered now
     * @return what to tell a user whose run names providers that are not registered: each, with
     *         the jar it came from and whether that jar is gone or changed; empty if none is missing
     */
    public static String hint(JsonNode recorded, ProviderRegistry registry) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode e : recorded) {
            if (registered(e, registry)) {
                continue;
            }
            String jar = e.path("jar").asText("an unknown jar");
            Path path = Path.of(jar);
            String state = !Files.isRegularFile(path) ? "which is no longer there"
                    : "which has changed since (SHA-256 " + sha256(path) + ", recorded " + e.path("sha256").asText() + ")";
            sb.append(sb.length() == 0 ? "" : "; ").append("the run used ").append(e.path("kind").asText()).append(" '")
                    .append(e.path("type").asText()).append("' (version ").append(e.path("version").asText())
                    .append(") from ").append(jar).append(", ").append(state);
        }
        return sb.length() == 0 ? "" : sb + ": pass the folder holding that jar with --plugins DIR";
    }

    private static boolean registered(JsonNode e, ProviderRegistry registry) {
        for (RegisteredProvider p : registry.all()) {
            if (p.kindName().equals(e.path("kind").asText()) && p.provider().type().equals(e.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    /** @return the jar a class was loaded from, or null for a folder of classes or no code source */
    static Path jarOf(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return null;
        }
        try {
            Path p = Path.of(cs.getLocation().toURI()).toAbsolutePath().normalize();
            return p.toString().endsWith(".jar") ? p : null;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String sha256(Path file) {
        try {
            return Sha256.of(file);
        } catch (java.io.UncheckedIOException e) {
            return "unreadable (" + e.getCause().getMessage() + ")";
        }
    }
}
