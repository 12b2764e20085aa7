package org.vae4j.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.vae4j.api.data.DatasetReader;
import org.vae4j.api.data.ImageData;

/**
 * A plugin's {@link DatasetReader} bound to its path: its images as {@link ImageSet}s, and its
 * failures as {@link DataFormatException}s naming the path, whatever the plugin throws.
 */
final class PathReader implements DatasetReader {
    private final DatasetReader reader;
    private final Path path;
    /** The training split, read once: the class names come from it too. */
    private ImageData train;

    PathReader(DatasetReader reader, Path path) {
        this.reader = reader;
        this.path = path;
    }

    ImageSet images(String name, boolean test) {
        ImageData d = data(name, test);
        return ImageSet.of(d.pixels(), d.labels(), d.channels(), d.height(), d.width(),
                name + (test ? " test" : " train") + " (" + path + ")");
    }

    List<String> classNames(String name) {
        return data(name, false).classNames();
    }

    private synchronized ImageData data(String name, boolean test) {
        if (!test && train != null) {
            return train;
        }
        try {
            ImageData d = read(path, test);
            if (!test) {
                train = d;
            }
            return d;
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(path, -1, "the " + (test ? "test" : "training") + " split could not be read "
                    + "by the plugin reader '" + name + "': " + e.getMessage());
        }
    }

    @Override
    public String layout() {
        return reader.layout();
    }

    @Override
    public List<Path> files(Path p) throws IOException {
        return reader.files(p);
    }

    @Override
    public boolean hasTestSplit(Path p) throws IOException {
        return reader.hasTestSplit(p);
    }

    @Override
    public ImageData read(Path p, boolean test) throws IOException {
        return reader.read(p, test);
    }
}
