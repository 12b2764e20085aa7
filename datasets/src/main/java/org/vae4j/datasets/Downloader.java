package org.vae4j.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Downloads a {@link RemoteFile} and keeps it only if it hashes to its published SHA-256.
 *
 * <p>Bytes go to a temporary file in the target directory, hashed on the way; only a verified file
 * is renamed (atomically where the file system allows) to its final name, so an interrupted or
 * corrupted download never leaves a file that looks complete (a process killed outright may leave
 * a hidden {@code .<name>.*.part} file, which is never read as data). A file without a published checksum
 * is not downloaded at all: data that cannot be verified cannot be trusted to be what a result
 * claims it was trained on.
 */
public final class Downloader {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final Consumer<String> progress;

    /** A downloader with a 10 s connect timeout that follows redirects (not HTTPS to HTTP). */
    public Downloader() {
        this(HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build(), message -> { });
    }

    /**
     * @param client   the HTTP client to use
     * @param progress receives one line when each download starts and ends, e.g. to log it
     */
    public Downloader(HttpClient client, Consumer<String> progress) {
        this.client = Objects.requireNonNull(client, "client");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Downloads a file into a directory, trying its URLs in order until one gives the right bytes.
     *
     * @param file what to download
     * @param dir  where to put it, created if missing; the file is saved as {@code dir/file.name()}
     * @return the verified file
     * @throws IOException if no URL gave the right bytes (the message says what each gave), or if
     *                     the file has no published checksum
     */
    public Path download(RemoteFile file, Path dir) throws IOException {
        Path target = dir.resolve(file.name());
        if (file.sha256() == null) {
            throw new IOException("no published SHA-256 is known for " + file.name()
                    + ", so vae4j refuses to trust a download of it; download " + file.urls().get(0)
                    + " yourself, check it, and put it at " + target);
        }
        Files.createDirectories(dir);
        List<String> failures = new ArrayList<>();
        for (URI url : file.urls()) {
            try {
                fetch(url, file, target);
                return target;
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                failures.add(url + ": " + e.getMessage());
            }
        }
        throw new IOException("could not download " + file.name() + ": "
                + String.join("; ", failures));
    }

    private void fetch(URI url, RemoteFile file, Path target) throws IOException {
        progress.accept("downloading " + url + " -> " + target
                + (file.size() >= 0 ? String.format(Locale.ROOT, " (%.1f MB)", file.size() / 1e6) : ""));
        Path partial = Files.createTempFile(target.getParent(), "." + file.name() + ".", ".part");
        try {
            HttpResponse<InputStream> response;
            try {
                response = client.send(HttpRequest.newBuilder(url).timeout(RESPONSE_TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("download of " + url + " interrupted");
            } catch (IOException e) {
                throw new IOException(e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
            }
            MessageDigest md = Sha256.digest();
            long bytes = 0;
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(partial)) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    md.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    bytes += n;
                    if (file.size() >= 0 && bytes > file.size()) {
                        throw new IOException("got more than the expected " + file.size() + " bytes");
                    }
                }
            }
            if (file.size() >= 0 && bytes != file.size()) {
                throw new IOException("got " + bytes + " bytes, expected " + file.size());
            }
            String sha = HexFormat.of().formatHex(md.digest());
            if (!sha.equals(file.sha256())) {
                throw new IOException("SHA-256 mismatch: got " + sha + ", expected " + file.sha256());
            }
            move(partial, target);
            progress.accept("downloaded and verified " + target);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
