package org.vae4j.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts the batch files of {@code cifar-10-binary.tar.gz}.
 *
 * <p>Only the known member names are written, each to a fixed name, so a hostile archive cannot
 * write outside the target ("zip slip"). Extraction goes to a temporary directory that is renamed
 * into place when complete, so an interrupted extraction never looks like a finished one.
 */
final class CifarArchive {
    /** The directory inside the archive. */
    static final String DIRECTORY = "cifar-10-batches-bin";
    /** The archive's name as published. */
    static final String ARCHIVE = "cifar-10-binary.tar.gz";
    static final List<String> TRAIN = List.of("data_batch_1.bin", "data_batch_2.bin",
            "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    static final List<String> TEST = List.of("test_batch.bin");
    /** Small descriptive members, kept for the user's benefit. */
    private static final List<String> EXTRAS = List.of("batches.meta.txt", "readme.html");

    private CifarArchive() {
    }

    /** @return all batch file names, train then test */
    static List<String> batchNames() {
        return Stream.concat(TRAIN.stream(), TEST.stream()).toList();
    }

    /**
     * Extracts {@code cifar-10-batches-bin/} from the archive into {@code parent}.
     *
     * @param archive the {@code .tar.gz}
     * @param parent  where {@code cifar-10-batches-bin/} is to appear
     * @return the extracted {@code cifar-10-batches-bin} directory
     * @throws DataFormatException  if the archive is corrupt or lacks a batch file
     * @throws UncheckedIOException if it cannot be read or the target cannot be written
     */
    static Path extract(Path archive, Path parent) {
        Path target = parent.resolve(DIRECTORY);
        Path temp = null;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempDirectory(parent, "." + DIRECTORY + ".extracting-");
            copyMembers(archive, temp);
            for (String name : batchNames()) {
                if (!Files.isRegularFile(temp.resolve(name))) {
                    throw new DataFormatException(archive, -1, "has no member " + DIRECTORY + "/" + name
                            + "; expected the CIFAR-10 binary version (" + ARCHIVE
                            + "), not the Python or MATLAB one");
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // Another process finished first; its copy is as good as ours.
                if (!Files.isDirectory(target)) {
                    throw e;
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + archive + " into " + parent + ": " + e, e);
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    private static void copyMembers(Path archive, Path into) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file, 1 << 16))) {
            TarArchiveEntry entry;
            while ((entry = nextEntry(archive, tar)) != null) {
                String name = entry.getName();
                if (!entry.isFile() || !name.startsWith(DIRECTORY + "/")) {
                    continue;
                }
                String member = name.substring(DIRECTORY.length() + 1);
                if (batchNames().contains(member) || EXTRAS.contains(member)) {
                    try {
                        Files.copy(tar, into.resolve(member), StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw corrupt(archive, tar, e);
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new DataFormatException(archive, 0, "is not a valid gzip file (" + e.getMessage()
                    + "); expected " + ARCHIVE, e);
        }
    }

    private static TarArchiveEntry nextEntry(Path archive, TarArchiveInputStream tar) {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw corrupt(archive, tar, e);
        }
    }

    private static DataFormatException corrupt(Path archive, TarArchiveInputStream tar, IOException e) {
        long at = tar.getBytesRead();
        return new DataFormatException(archive, at, "archive is truncated or corrupt near decompressed"
                + " byte offset " + at + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                + "); download it again", e);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // Best effort: a leftover hidden temp directory is harmless and never read as data.
        }
    }
}
