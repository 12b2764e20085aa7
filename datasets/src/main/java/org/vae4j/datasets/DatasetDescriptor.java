package org.vae4j.datasets;

import java.util.List;
import java.util.Objects;

/**
 * What vae4j knows about a data set: its name, format, where it is published and what the
 * published files hash to.
 *
 * @param name           the name experiment specs use, e.g. {@code "fashion-mnist"}
 * @param format         how its files are laid out and read
 * @param downloads      the files to download, with their official URLs and SHA-256
 * @param homepage       where the data set is described
 * @param systemPackage  the Debian package that installs it under {@code /usr/share/datasets/},
 *                       or {@code null} if there is none
 * @param checksumSource where the SHA-256 values were taken from, for the record
 */
public record DatasetDescriptor(String name, DataFormat format, List<RemoteFile> downloads,
                                String homepage, String systemPackage, String checksumSource) {
    /**
     * Checks the fields and copies the list.
     *
     * @param name           the name experiment specs use
     * @param format         how its files are laid out and read
     * @param downloads      the files to download
     * @param homepage       where the data set is described
     * @param systemPackage  the Debian package that installs it, or {@code null}
     * @param checksumSource where the SHA-256 values were taken from
     */
    public DatasetDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        downloads = List.copyOf(downloads);
        Objects.requireNonNull(homepage, "homepage");
        Objects.requireNonNull(checksumSource, "checksumSource");
    }
}
