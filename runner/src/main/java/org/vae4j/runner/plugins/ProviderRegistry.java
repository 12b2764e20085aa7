package org.vae4j.runner.plugins;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.vae4j.api.spi.Provider;

/**
 * Every provider that can be named in a spec: the built-in ones on the class path and those in
 * plugin jars from extra folders.
 *
 * <p>Like JUnit's engine discovery: each plugin jar gets its own class loader, so a jar that is
 * corrupt or whose provider fails to instantiate is reported with its name and cause and does not
 * take the others down; two providers of the same kind and name are fatal, naming both jars; an
 * unknown name lists the registered ones.
 */
public final class ProviderRegistry {
    private static final String SERVICES = "META-INF/services/" + Provider.class.getName();
    private final Map<Class<?>, Map<String, RegisteredProvider>> byKind;
    private final List<PluginLoadProblem> problems;
    private final List<Path> jars;

    private ProviderRegistry(Map<Class<?>, Map<String, RegisteredProvider>> byKind,
                             List<PluginLoadProblem> problems, List<Path> jars) {
        this.byKind = byKind;
        this.problems = List.copyOf(problems);
        this.jars = List.copyOf(jars);
    }

    /**
     * Discovers providers on the class path and in every {@code *.jar} directly inside the given
     * folders (folders that do not exist are skipped).
     *
     * @param pluginDirs folders to look for plugin jars in
     * @return the registry
     * @throws DuplicateProviderException if two providers share a kind and name
     */
    public static ProviderRegistry discover(List<Path> pluginDirs) {
        Map<Class<?>, Map<String, RegisteredProvider>> byKind = new LinkedHashMap<>();
        List<PluginLoadProblem> problems = new ArrayList<>();
        ClassLoader base = ProviderRegistry.class.getClassLoader();
        load(ServiceLoader.load(Provider.class, base), null, null, byKind, problems);
        List<Path> jars = new ArrayList<>();
        for (Path dir : pluginDirs) {
            jars.addAll(jarsIn(dir, problems));
        }
        for (Path jar : jars) {
            String jarName = jar.toAbsolutePath().normalize().toString();
            // a jar the class loader cannot open would be skipped without a word: say why here
            String unusable = unusableJar(jar);
            if (unusable != null) {
                problems.add(new PluginLoadProblem(jarName, unusable));
                continue;
            }
            URLClassLoader loader;
            try {
                loader = new URLClassLoader("plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, base);
            } catch (MalformedURLException e) {
                problems.add(new PluginLoadProblem(jarName, "cannot be opened: " + e.getMessage()));
                continue;
            }
            // providers visible through the parent are already registered; keep only this jar's own
            load(ServiceLoader.load(Provider.class, loader), loader, jarName, byKind, problems);
        }
        return new ProviderRegistry(byKind, problems, jars);
    }

    /** @return why the file is no plugin jar, or null if it may be one */
    private static String unusableJar(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            if (jf.getEntry(SERVICES) == null) {
                return "provides nothing: the jar has no " + SERVICES + " listing provider classes";
            }
            return null;
        } catch (IOException e) {
            return "not a readable jar (zip) file: " + e.getMessage();
        }
    }

    private static List<Path> jarsIn(Path dir, List<PluginLoadProblem> problems) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(new PluginLoadProblem(dir.toString(), "cannot list plugin folder: " + e.getMessage()));
            return List.of();
        }
    }

    @SuppressWarnings("rawtypes")
    private static void load(ServiceLoader<Provider> loader, ClassLoader only, String jarName,
                             Map<Class<?>, Map<String, RegisteredProvider>> byKind,
                             List<PluginLoadProblem> problems) {
        Iterator<Provider> it = loader.iterator();
        while (true) {
            Provider<?, ?> p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(new PluginLoadProblem(jarName != null ? jarName : "class path", describe(e)));
                if (jarName != null && isFatalForJar(e)) {
                    break;
                }
                continue;
            }
            if (only != null && p.getClass().getClassLoader() != only) {
                continue;
            }
            String source = sourceOf(p.getClass());
            try {
                register(byKind, new RegisteredProvider(p, source));
            } catch (RuntimeException e) {
                if (e instanceof DuplicateProviderException d) {
                    throw d;
                }
                problems.add(new PluginLoadProblem(source, p.getClass().getName() + " is unusable: " + describe(e)));
            }
        }
    }

    // a jar that cannot even be read yields the same error on every attempt
    private static boolean isFatalForJar(Throwable e) {
        return e.getCause() instanceof java.util.zip.ZipException || e.getCause() instanceof IOException;
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append("; caused by ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
        }
        return sb.toString();
    }

    private static void register(Map<Class<?>, Map<String, RegisteredProvider>> byKind, RegisteredProvider rp) {
        Provider<?, ?> p = rp.provider();
        Class<?> kind = p.kind();
        if (kind == null || !kind.isInterface()) {
            throw new IllegalArgumentException("kind() returns " + kind + ", expected the interface the provider makes");
        }
        String type = p.type();
        if (type == null || !type.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("type() returns '" + type
                    + "', expected lower-case letters, digits and dashes");
        }
        if (p.configClass() == null) {
            throw new IllegalArgumentException("configClass() returns null");
        }
        Map<String, RegisteredProvider> ofKind = byKind.computeIfAbsent(kind, k -> new TreeMap<>());
        RegisteredProvider prev = ofKind.putIfAbsent(type, rp);
        if (prev != null) {
            throw new DuplicateProviderException(Kinds.name(kind), type, prev.source(), rp.source());
        }
    }

    private static String sourceOf(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return c.getName();
        }
        String path = cs.getLocation().getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * @param kind the component interface
     * @param type the name a spec used
     * @param <T>  the component type
     * @return the provider
     * @throws UnknownProviderException listing the registered names of that kind
     */
    @SuppressWarnings("unchecked")
    public <T> Provider<T, Object> get(Class<T> kind, String type) {
        RegisteredProvider rp = byKind.getOrDefault(kind, Map.of()).get(type);
        if (rp == null) {
            throw new UnknownProviderException("unknown " + Kinds.name(kind) + " type '" + type + "'; registered: "
                    + String.join(", ", names(kind)) + morePlugins());
        }
        return (Provider<T, Object>) rp.provider();
    }

    private String morePlugins() {
        return problems.isEmpty() ? "" : " (" + problems.size() + " plugin(s) failed to load: see 'vae4j plugins')";
    }

    /**
     * @param kind the component interface
     * @return the registered names of that kind, sorted
     */
    public List<String> names(Class<?> kind) {
        return new ArrayList<>(byKind.getOrDefault(kind, Map.of()).keySet());
    }

    /** @return every registered provider, grouped by kind in listing order */
    public List<RegisteredProvider> all() {
        List<RegisteredProvider> out = new ArrayList<>();
        for (Class<?> k : Kinds.sorted(byKind.keySet())) {
            out.addAll(byKind.get(k).values());
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * @param kind the component interface
     * @return the registered providers of that kind, by name
     */
    public List<RegisteredProvider> providers(Class<?> kind) {
        return List.copyOf(byKind.getOrDefault(kind, Map.of()).values());
    }

    /** @return jars and providers that failed to load */
    public List<PluginLoadProblem> problems() {
        return problems;
    }

    /** @return the plugin jars that were examined */
    public List<Path> jars() {
        return jars;
    }
}
