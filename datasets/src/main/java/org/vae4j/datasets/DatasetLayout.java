package org.vae4j.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a format's files sit in a directory. Probing a directory either finds all of them or says,
 * for the user, what is missing.
 */
final class DatasetLayout {
    private DatasetLayout() {
    }

    /**
     * The outcome of probing one place: the data set's files, or why the place does not hold them.
     *
     * @param found  the files, or {@code null}
     * @param reason why not, or {@code null} if found
     */
    record Probe(LocatedFiles found, String reason) {
        static Probe miss(String reason) {
            return new Probe(null, reason);
        }
    }

    /**
     * The files of a data set in one directory.
     *
     * @param directory the directory that holds them
     * @param train     the training files in reading order
     * @param test      the test files in reading order
     */
    record LocatedFiles(Path directory, List<Path> train, List<Path> test) {
    }

    /**
     * @param format       the layout to look for
     * @param place        a directory, or for CIFAR-10 also the archive itself
     * @param extractInto  where to extract a CIFAR-10 archive if its own directory is not writable
     * @return what was found
     */
    static Probe probe(DataFormat format, Path place, Path extractInto) {
        if (!Files.exists(place)) {
            return Probe.miss("does not exist");
        }
        return switch (format) {
            case IDX -> probeIdx(place);
            case CIFAR10_BINARY -> probeCifar(place, extractInto);
            case IMAGE_FOLDER -> probeImageFolder(place);
            case NPY -> probeNpy(place);
            case NPZ -> probeNpz(place);
            // a plugin's data set is found by its reader (LocatedDataset.read), never probed for
            case PLUGIN -> Probe.miss("is read by a plugin's reader, not probed for");
        };
    }

    private static Probe probeNpy(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Probe.miss("is a file, expected a folder holding " + NumpyReader.X_TRAIN + ".npy and "
                    + NumpyReader.X_TEST + ".npy (for one .npz file use \"dataset\": \"npz\")");
        }
        Path xTrain = dir.resolve(NumpyReader.X_TRAIN + ".npy");
        Path xTest = dir.resolve(NumpyReader.X_TEST + ".npy");
        Path yTrain = dir.resolve(NumpyReader.Y_TRAIN + ".npy");
        Path yTest = dir.resolve(NumpyReader.Y_TEST + ".npy");
        if (!Files.isRegularFile(xTrain)) {
            return Probe.miss("lacks " + xTrain.getFileName());
        }
        boolean hasTest = Files.isRegularFile(xTest);
        if (!hasTest && Files.isRegularFile(yTest)) {
            return Probe.miss("has " + yTest.getFileName() + " but not " + xTest.getFileName());
        }
        if (hasTest && Files.isRegularFile(yTrain) != Files.isRegularFile(yTest)) {
            return Probe.miss("has " + (Files.isRegularFile(yTrain) ? yTrain : yTest).getFileName()
                    + " but not " + (Files.isRegularFile(yTrain) ? yTest : yTrain).getFileName()
                    + ": give labels for both splits or for neither");
        }
        List<Path> train = new ArrayList<>(List.of(xTrain));
        List<Path> test = new ArrayList<>();
        if (hasTest) {
            test.add(xTest);
        }
        if (Files.isRegularFile(yTrain)) {
            train.add(yTrain);
            if (hasTest) {
                test.add(yTest);
            }
        }
        return new Probe(new LocatedFiles(dir, train, test), null);
    }

    private static Probe probeNpz(Path file) {
        if (Files.isDirectory(file)) {
            return Probe.miss("is a folder, expected the .npz file itself (for a folder of .npy files use "
                    + "\"dataset\": \"npy\")");
        }
        java.util.Set<String> keys = NumpyReader.npzKeys(file);
        if (!keys.contains(NumpyReader.X_TRAIN)) {
            return Probe.miss("has no array '" + NumpyReader.X_TRAIN + "' (it holds " + (keys.isEmpty() ? "none"
                    : String.join(", ", new java.util.TreeSet<>(keys))) + ")");
        }
        Path dir = file.toAbsolutePath().getParent();
        // no x_test: the test split is held out of x_train ($.data.testFraction)
        return new Probe(new LocatedFiles(dir, List.of(file), keys.contains(NumpyReader.X_TEST) ? List.of(file)
                : List.of()), null);
    }

    private static Probe probeImageFolder(Path dir) {
        if (!Files.isDirectory(dir.resolve("train"))) {
            return Probe.miss("has no train/ folder; put the images in train/<class>/ (and test/<class>/, or set "
                    + "$.data.testFraction)");
        }
        try {
            List<Path> train = ImageFolderReader.imageFiles(dir.resolve("train"));
            if (train.isEmpty()) {
                return Probe.miss("has no images in train/<class>/ (" + String.join(", ", ImageFolderReader.EXTENSIONS)
                        + ")");
            }
            // no test/ folder: the test split is held out of train/ ($.data.testFraction)
            boolean hasTest = Files.isDirectory(dir.resolve("test"));
            List<Path> test = hasTest ? ImageFolderReader.imageFiles(dir.resolve("test")) : List.of();
            if (hasTest && test.isEmpty()) {
                return Probe.miss("has no images in test/<class>/ (" + String.join(", ", ImageFolderReader.EXTENSIONS)
                        + ")");
            }
            return new Probe(new LocatedFiles(dir, train, test), null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Probe probeIdx(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Probe.miss("is a file, expected a directory holding "
                    + String.join(", ", DatasetCatalog.IDX_FILES));
        }
        List<Path> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String gz : DatasetCatalog.IDX_FILES) {
            String raw = gz.substring(0, gz.length() - ".gz".length());
            if (Files.isRegularFile(dir.resolve(gz))) {
                files.add(dir.resolve(gz));
            } else if (Files.isRegularFile(dir.resolve(raw))) {
                files.add(dir.resolve(raw));
            } else {
                missing.add(gz + " (or " + raw + ")");
            }
        }
        if (!missing.isEmpty()) {
            return Probe.miss((missing.size() == DatasetCatalog.IDX_FILES.size() ? "has none of the IDX"
                    + " files: no " : "lacks ") + String.join(", ", missing));
        }
        return new Probe(new LocatedFiles(dir, files.subList(0, 2), files.subList(2, 4)), null);
    }

    private static Probe probeCifar(Path place, Path extractInto) {
        if (Files.isRegularFile(place)) {
            return extract(place, extractInto);
        }
        if (!Files.isDirectory(place)) {
            return Probe.miss("is neither a directory nor a file");
        }
        Path nested = place.resolve(CifarArchive.DIRECTORY);
        if (Files.isDirectory(nested) && lackingBatches(nested).isEmpty()) {
            return cifarFiles(nested);
        }
        if (lackingBatches(place).isEmpty()) {
            return cifarFiles(place);
        }
        Path archive = place.resolve(CifarArchive.ARCHIVE);
        if (Files.isRegularFile(archive)) {
            return extract(archive, extractInto);
        }
        if (Files.isDirectory(nested)) {
            return Probe.miss("has no " + CifarArchive.ARCHIVE + ", and " + nested + " lacks "
                    + lackingBatches(nested));
        }
        return Probe.miss("has neither " + CifarArchive.ARCHIVE + " nor " + CifarArchive.DIRECTORY
                + "/ with " + String.join(", ", CifarArchive.batchNames()));
    }

    /** Extracts next to the archive if that directory is writable, else into the cache. */
    private static Probe extract(Path archive, Path extractInto) {
        Path parent = archive.toAbsolutePath().getParent();
        Path into = Files.isWritable(parent) ? parent : extractInto;
        Path existing = into.resolve(CifarArchive.DIRECTORY);
        if (Files.isDirectory(existing)) {
            String lacking = lackingBatches(existing);
            if (lacking.isEmpty()) {
                return cifarFiles(existing);
            }
            // Never delete what someone else put there; say what to do instead.
            return Probe.miss("holds " + archive.getFileName() + ", but it cannot be extracted because "
                    + existing + " already exists and lacks " + lacking + "; remove that directory");
        }
        Path extracted = CifarArchive.extract(archive, into);
        String lacking = lackingBatches(extracted);
        if (!lacking.isEmpty()) {
            return Probe.miss(extracted + " lacks " + lacking + " (made by another process meanwhile?)");
        }
        return cifarFiles(extracted);
    }

    private static String lackingBatches(Path dir) {
        List<String> lacking = new ArrayList<>();
        for (String name : CifarArchive.batchNames()) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                lacking.add(name);
            }
        }
        return String.join(", ", lacking);
    }

    private static Probe cifarFiles(Path dir) {
        return new Probe(new LocatedFiles(dir,
                CifarArchive.TRAIN.stream().map(dir::resolve).toList(),
                CifarArchive.TEST.stream().map(dir::resolve).toList()), null);
    }
}
