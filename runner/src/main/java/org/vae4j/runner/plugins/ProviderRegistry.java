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
 * <p>Like JUnit's engine discovery: each plugin gets its own class loader, so a jar that is
 * corrupt or whose provider fails to instantiate is reported with its name and cause and does not
 * take the others down. A plugin is a jar directly in a plugin folder, or a subfolder holding a
 * plugin jar with the jars it depends on, all in one class loader. Two providers of the same kind
 * and name are reported naming both jars; a spec naming that type stops ({@link #get} throws
 * {@link DuplicateProviderException}), everything else still works. An unknown name lists the
 * registered ones.
 */
public final class ProviderRegistry {
    private static final String SERVICES = "META-INF/services/" + Provider.class.getName();
    private final Map<Class<?>, Map<String, RegisteredProvider>> byKind;
    private final List<PluginLoadProblem> problems;
    private final List<Path> jars;
    private final List<Conflict> conflicts;

    /**
     * Two or more providers of one kind claim one type name.
     *
     * @param kind      the kind
     * @param type      the name
     * @param providers all of them, the one registered first first
     */
    public record Conflict(Class<?> kind, String type, List<RegisteredProvider> providers) {
        DuplicateProviderException exception() {
            return new DuplicateProviderException(Kinds.name(kind), type, providers.get(0).source(),
                    providers.get(1).source());
        }
    }

    private ProviderRegistry(Map<Class<?>, Map<String, RegisteredProvider>> byKind,
                             List<PluginLoadProblem> problems, List<Path> jars, List<Conflict> conflicts) {
        this.byKind = byKind;
        this.problems = List.copyOf(problems);
        this.jars = List.copyOf(jars);
        this.conflicts = List.copyOf(conflicts);
    }

    /**
     * Discovers providers on the class path and in the given places: a folder's jars (each a
     * plugin of its own) and subfolders (each a plugin with its dependency jars), or a single jar.
     * Places that do not exist are skipped; {@code --plugins} checks the user's own beforehand.
     *
     * @param places folders of plugins, or plugin jars
     * @return the registry
     */
    public static ProviderRegistry discover(List<Path> places) {
        Map<Class<?>, Map<String, RegisteredProvider>> byKind = new LinkedHashMap<>();
        Map<String, Conflict> conflicts = new LinkedHashMap<>();
        List<PluginLoadProblem> problems = new ArrayList<>();
        ClassLoader base = ProviderRegistry.class.getClassLoader();
        load(ServiceLoader.load(Provider.class, base), null, null, byKind, conflicts, problems);
        List<List<Path>> plugins = new ArrayList<>();
        for (Path place : places) {
            plugins.addAll(pluginsIn(place, problems));
        }
        List<Path> jars = new ArrayList<>();
        for (List<Path> plugin : plugins) {
            Path main = plugin.get(0);
            jars.addAll(plugin);
            String jarName = main.toAbsolutePath().normalize().toString();
            // a jar the class loader cannot open would be skipped without a word: say why here
            String unusable = null;
            for (Path jar : plugin) {
                String u = unusableJar(jar, plugin.size() == 1);
                if (u != null) {
                    unusable = u;
                    jarName = jar.toAbsolutePath().normalize().toString();
                    break;
                }
            }
            if (unusable != null) {
                problems.add(new PluginLoadProblem(jarName, unusable));
                continue;
            }
            URLClassLoader loader;
            try {
                URL[] urls = new URL[plugin.size()];
                for (int i = 0; i < urls.length; i++) {
                    urls[i] = plugin.get(i).toUri().toURL();
                }
                loader = new URLClassLoader("plugin:" + main.getFileName(), urls, base);
            } catch (MalformedURLException e) {
                problems.add(new PluginLoadProblem(jarName, "cannot be opened: " + e.getMessage()));
                continue;
            }
            // providers visible through the parent are already registered; keep only this plugin's own
            load(ServiceLoader.load(Provider.class, loader), loader, jarName, byKind, conflicts, problems);
        }
        for (Conflict c : conflicts.values()) {
            problems.add(new PluginLoadProblem(c.providers().get(1).source(), c.exception().getMessage()
                    + " (specs that name it stop; everything else works)"));
        }
        return new ProviderRegistry(byKind, problems, jars, new ArrayList<>(conflicts.values()));
    }

    /**
     * @param place a plugin folder or a plugin jar
     * @return its plugins, each the list of its jars (the plugin's own first)
     */
    private static List<List<Path>> pluginsIn(Path place, List<PluginLoadProblem> problems) {
        if (Files.isRegularFile(place)) {
            return List.of(List.of(place));
        }
        if (!Files.isDirectory(place)) {
            return List.of();
        }
        List<List<Path>> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(place)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar")) {
                    out.add(List.of(p));
                } else if (Files.isDirectory(p)) {
                    List<Path> jars = jarsIn(p, problems);
                    if (!jars.isEmpty()) {
                        out.add(withProvidersFirst(jars));
                    }
                }
            }
        } catch (IOException e) {
            problems.add(new PluginLoadProblem(place.toString(), "cannot list plugin folder: " + e.getMessage()));
        }
        return out;
    }

    /** The jars of a plugin subfolder, the one that lists providers first (it names the plugin). */
    private static List<Path> withProvidersFirst(List<Path> jars) {
        List<Path> out = new ArrayList<>();
        for (Path j : jars) {
            if (unusableJar(j, true) == null) {
                out.add(0, j);
            } else {
                out.add(j);
            }
        }
        return out;
    }

    /** @return why the file is no plugin jar (or, as a dependency, no jar), or null if it may be one */
    private static String unusableJar(Path jar, boolean mustProvide) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            if (mustProvide && jf.getEntry(SERVICES) == null) {
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
                             Map<Class<?>, Map<String, RegisteredProvider>> byKind, Map<String, Conflict> conflicts,
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
                register(byKind, conflicts, new RegisteredProvider(p, source));
            } catch (RuntimeException | LinkageError e) {
                // a class the provider needs is missing (a dependency jar left out): its own problem
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

    private static void register(Map<Class<?>, Map<String, RegisteredProvider>> byKind, Map<String, Conflict> conflicts,
                                 RegisteredProvider rp) {
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
            conflicts.computeIfAbsent(kind.getName() + " " + type,
                    k -> new Conflict(kind, type, new ArrayList<>(List.of(prev)))).providers().add(rp);
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
     * @throws DuplicateProviderException if two providers claim the name
     */
    @SuppressWarnings("unchecked")
    public <T> Provider<T, Object> get(Class<T> kind, String type) {
        for (Conflict c : conflicts) {
            if (c.kind() == kind && c.type().equals(type)) {
                throw c.exception();
            }
        }
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

    /** @return the type names two or more providers claim */
    public List<Conflict> conflicts() {
        return conflicts;
    }

    /** @return jars and providers that failed to load, and conflicts */
    public List<PluginLoadProblem> problems() {
        return problems;
    }

    /** @return the plugin jars that were examined */
    public List<Path> jars() {
        return jars;
    }
}
