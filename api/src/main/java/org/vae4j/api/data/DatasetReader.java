package org.vae4j.api.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.vae4j.api.spi.ComponentKind;

/**
 * Reads a data set in a format vae4j does not know: a plugin registers one as a provider of this
 * kind, and a spec names its type as the data set, {@code "data": {"dataset": "<type>", "path":
 * "...", "reader": {...its configuration}}}. The path is the user's; nothing is downloaded or
 * searched for. Its files are fingerprinted in the run's provenance like a built-in set's, and
 * its images go through the same transforms, splits and batches.
 */
@ComponentKind("dataset reader")
public interface DatasetReader {

    /** @return what {@code data.path} must be, for messages, e.g. "a folder holding train.csv" */
    String layout();

    /**
     * @param path the spec's {@code data.path}, resolved against the spec's folder
     * @return the files that make up the data set (fingerprinted), training split first
     * @throws IOException if the path cannot be read, or is not such a data set (the message says
     *                     which file is missing or wrong)
     */
    List<Path> files(Path path) throws IOException;

    /**
     * @param path the data set's path
     * @return whether it has a test split of its own; if not, the spec holds one out with
     *         {@code data.testFraction}
     * @throws IOException if the path cannot be read
     */
    boolean hasTestSplit(Path path) throws IOException;

    /**
     * @param path the data set's path
     * @param test the test split rather than the training split
     * @return the split's images; every split has the same image shape and class names
     * @throws IOException if a file cannot be read or is malformed (the message names it, and
     *                     where in it)
     */
    ImageData read(Path path, boolean test) throws IOException;
}
