package org.vae4j.datasets;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A file that can be downloaded, with what it must hash to.
 *
 * @param name   the file name to save it as, e.g. {@code train-images-idx3-ubyte.gz}
 * @param urls   where to get it, tried in order (official location first, then mirrors serving
 *               the same bytes)
 * @param sha256 the SHA-256 of the file as lower-case hex, or {@code null} if no published value is
 *               known, in which case {@link Downloader} refuses to use a download of it
 * @param size   its size in bytes, or -1 if unknown
 */
public record RemoteFile(String name, List<URI> urls, String sha256, long size) {
    /**
     * Checks the fields and copies the URL list.
     *
     * @param name   the file name to save it as
     * @param urls   where to get it, tried in order; at least one
     * @param sha256 its SHA-256 as 64 lower-case hex digits, or {@code null} if unknown
     * @param size   its size in bytes, or -1 if unknown
     */
    public RemoteFile {
        Objects.requireNonNull(name, "name");
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(name + ": at least one URL is needed");
        }
        if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(name + ": SHA-256 must be 64 lower-case hex digits, got "
                    + sha256);
        }
    }
}
