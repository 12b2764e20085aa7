package org.vae4j.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds a data set on disk, or downloads and verifies it.
 *
 * <p>Places are tried in this order:
 * <ol>
 *   <li>the explicit path from the experiment spec, if there is one. It is then the only place
 *       tried: a spec that names its data must not silently train on other data;</li>
 *   <li>{@code $VAE4J_DATA/<dataset>/}, then {@code $VAE4J_DATA/} itself;</li>
 *   <li>the system directories, {@code /usr/share/datasets/<dataset>/} by default, where Debian's
 *       {@code dataset-fashion-mnist} puts Fashion-MNIST;</li>
 *   <li>the cache, {@code ~/.cache/vae4j/<dataset>/} (or {@code $XDG_CACHE_HOME/vae4j/<dataset>/}),
 *       where earlier downloads went;</li>
 *   <li>if allowed, a download from the official URLs into {@code $VAE4J_DATA/<dataset>/} if
 *       {@code VAE4J_DATA} is set, else into the cache, checked against published SHA-256 sums.</li>
 * </ol>
 * A directory counts if it holds all files of the data set (IDX files gzip-compressed or not; for
 * CIFAR-10 the extracted {@code cifar-10-batches-bin/} or {@code cifar-10-binary.tar.gz}, which is
 * then extracted). If no place does, one {@link DataNotFoundException} lists every place and why it
 * did not do, and what would fix it.
 *
 * <p>The environment is passed in rather than read here, so callers and tests decide what it is.
 */
public final class DataLocator {
    /** The environment variable naming a directory of data sets. */
    public static final String DATA_ENV = "VAE4J_DATA";
    /** Where Debian's {@code dataset-*} packages install data sets. */
    public static final List<Path> DEFAULT_SYSTEM_DIRS = List.of(Path.of("/usr/share/datasets"));

    private final DatasetCatalog catalog;
    private final List<Path> systemDirs;
    private final Downloader downloader;

    /** A locator over the standard catalog, {@link #DEFAULT_SYSTEM_DIRS} and a quiet downloader. */
    public DataLocator() {
        this(DatasetCatalog.standard(), DEFAULT_SYSTEM_DIRS, new Downloader());
    }

    /**
     * @param catalog    the data sets known by name
     * @param systemDirs directories whose {@code <dataset>/} subdirectories to search, in order
     * @param downloader what fetches files when downloads are allowed
     */
    public DataLocator(DatasetCatalog catalog, List<Path> systemDirs, Downloader downloader) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.systemDirs = List.copyOf(systemDirs);
        this.downloader = Objects.requireNonNull(downloader, "downloader");
    }

    /**
     * {@link #locate(String, Path, Map, boolean)} with this process's environment.
     *
     * @param dataset       the data set's name, e.g. {@code "fashion-mnist"}
     * @param explicitPath  the path the spec gives, or {@code null}
     * @param allowDownload whether to download it if it is found nowhere
     * @return where it is
     */
    public LocatedDataset locate(String dataset, Path explicitPath, boolean allowDownload) {
        return locate(dataset, explicitPath, System.getenv(), allowDownload);
    }

    /**
     * Finds a data set, trying the places in the order the class comment gives.
     *
     * @param dataset       the data set's name, e.g. {@code "fashion-mnist"}
     * @param explicitPath  the path the spec gives (a directory, or for CIFAR-10 also the
     *                      {@code .tar.gz}), or {@code null}
     * @param env           the environment: {@code VAE4J_DATA}, {@code XDG_CACHE_HOME},
     *                      {@code HOME} are read
     * @param allowDownload whether to download it if it is found nowhere
     * @return where it is
     * @throws IllegalArgumentException if the name is not in the catalog
     * @throws DataNotFoundException    if no place holds it and it could not be downloaded
     * @throws DataFormatException      if a CIFAR-10 archive that was found is damaged
     */
    public LocatedDataset locate(String dataset, Path explicitPath, Map<String, String> env,
                                 boolean allowDownload) {
        DatasetDescriptor d = catalog.get(dataset);
        Path cache = cacheRoot(env).resolve(d.name());
        List<String> attempts = new ArrayList<>();

        if (explicitPath != null) {
            String where = "explicit path " + explicitPath + " (from the spec)";
            LocatedDataset found = probe(d, explicitPath, cache, where, attempts);
            if (found != null) {
                return found;
            }
            throw new DataNotFoundException(d.name(), attempts, d.format().ownDataLayout() != null
                    ? "correct the path: " + d.format().ownDataLayout()
                    : "correct the path, or leave it out of the spec to let vae4j search $" + DATA_ENV + ", "
                    + describeSystemDirs(d) + " and its cache " + cache);
        }

        Path dataRoot = dataRoot(env);
        if (dataRoot == null) {
            attempts.add("$" + DATA_ENV + ": not set");
        } else {
            for (Path dir : List.of(dataRoot.resolve(d.name()), dataRoot)) {
                String where = "$" + DATA_ENV + (dir.equals(dataRoot) ? "" : "/" + d.name()) + " = " + dir;
                LocatedDataset found = probe(d, dir, cache, where, attempts);
                if (found != null) {
                    return found;
                }
            }
        }
        for (Path system : systemDirs) {
            Path dir = system.resolve(d.name());
            LocatedDataset found = probe(d, dir, cache, "system directory " + dir, attempts);
            if (found != null) {
                return found;
            }
        }
        LocatedDataset cached = probe(d, cache, cache, "cache " + cache, attempts);
        if (cached != null) {
            return cached;
        }

        Path target = downloadDirectory(d.name(), env);
        if (!allowDownload) {
            attempts.add("download into " + target + ": not attempted, downloads are disabled");
        } else {
            LocatedDataset downloaded = download(d, target, cache, attempts);
            if (downloaded != null) {
                return downloaded;
            }
        }
        throw new DataNotFoundException(d.name(), attempts, fix(d, target, allowDownload));
    }

    /**
     * @param dataset a data set name
     * @param env     the environment
     * @return where a download of it goes: {@code $VAE4J_DATA/<dataset>} if set, else the cache
     */
    public static Path downloadDirectory(String dataset, Map<String, String> env) {
        Path dataRoot = dataRoot(env);
        return (dataRoot != null ? dataRoot : cacheRoot(env)).resolve(dataset);
    }

    /**
     * @param env the environment
     * @return vae4j's cache directory: {@code $XDG_CACHE_HOME/vae4j}, else {@code $HOME/.cache/vae4j},
     *         else {@code <user.home>/.cache/vae4j}
     */
    public static Path cacheRoot(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "vae4j");
        }
        String home = env.get("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return Path.of(home, ".cache", "vae4j");
    }

    private static Path dataRoot(Map<String, String> env) {
        String value = env.get(DATA_ENV);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /** @return the data set if {@code place} holds it, else null after recording why not */
    private static LocatedDataset probe(DatasetDescriptor d, Path place, Path cache, String where,
                                        List<String> attempts) {
        DatasetLayout.Probe probe;
        try {
            probe = DatasetLayout.probe(d.format(), place, cache);
        } catch (UncheckedIOException e) {
            attempts.add(where + ": " + e.getMessage());
            return null;
        }
        if (probe.found() == null) {
            attempts.add(where + ": " + probe.reason());
            return null;
        }
        var files = probe.found();
        return new LocatedDataset(d, files.directory(), files.train(), files.test(), where);
    }

    private LocatedDataset download(DatasetDescriptor d, Path target, Path cache, List<String> attempts) {
        String where = "download into " + target;
        try {
            for (RemoteFile file : d.downloads()) {
                if (!Files.isRegularFile(target.resolve(file.name()))) {
                    downloader.download(file, target);
                }
            }
        } catch (IOException e) {
            attempts.add(where + ": " + e.getMessage());
            return null;
        }
        return probe(d, target, cache, where, attempts);
    }

    private String fix(DatasetDescriptor d, Path target, boolean allowDownload) {
        StringBuilder fix = new StringBuilder();
        if (d.systemPackage() != null) {
            fix.append("apt-get install ").append(d.systemPackage()).append(" (installs it in ")
                    .append(describeSystemDirs(d)).append("); or ");
        }
        List<URI> urls = d.downloads().stream().map(f -> f.urls().get(0)).toList();
        fix.append("download ").append(join(urls)).append(" into ").append(target)
                .append(" (or into <dir>/").append(d.name()).append(" and set ").append(DATA_ENV)
                .append("=<dir>)");
        if (d.format() == DataFormat.CIFAR10_BINARY) {
            fix.append("; vae4j extracts the archive itself");
        }
        if (!allowDownload) {
            fix.append("; or allow vae4j to download it (downloads are disabled)");
        }
        return fix.toString();
    }

    private String describeSystemDirs(DatasetDescriptor d) {
        if (systemDirs.isEmpty()) {
            return "no system directory";
        }
        return String.join(" or ", systemDirs.stream().map(s -> s.resolve(d.name()).toString()).toList());
    }

    private static String join(List<URI> urls) {
        return String.join(", ", urls.stream().map(URI::toString).toList());
    }
}
