package org.vae4j.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import org.vae4j.api.data.DatasetReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A data set found on disk: where, which files, what they hash to, and how to read them. Made by
 * {@link DataLocator}. Reading is done anew on each call to {@link #train()} or {@link #test()};
 * nothing is cached beyond this object's own hashes, and the training images of a test split held
 * out by fraction.
 */
public final class LocatedDataset {
    private final DatasetDescriptor descriptor;
    private final Path directory;
    private final List<Path> trainFiles;
    private final List<Path> testFiles;
    private final String source;
    /** The share of the training images held out as the test split, 0 if the files have one. */
    private final double testFraction;
    private final long splitSeed;
    /** The [C, H, W] an image folder's images get, or null to take the first image's. */
    private final long[] imageShape;
    /** Whether images of another size than {@link #imageShape} are scaled to it. */
    private final boolean resize;
    private Map<Path, String> sha256;
    /** The class names, found on the first call (NumPy labels are read from disk for them). */
    private List<String> classNames;
    /** The training images split by {@link #testFraction}, read once. */
    private TrainValidation heldOut;
    /** A plugin's reader of the data set, with the path it reads; null for the built-in formats. */
    private final DatasetReader reader;
    /** The classes of every data set of the catalog (MNIST, Fashion-MNIST, KMNIST, CIFAR-10). */
    private static final int IDX_CLASSES = 10;

    /**
     * @param descriptor what the data set is
     * @param directory  the directory its files are in
     * @param trainFiles the training files, in reading order (IDX: images, labels)
     * @param testFiles  the test files, in reading order
     * @param source     how it was found, e.g. "system directory /usr/share/datasets/fashion-mnist"
     */
    public LocatedDataset(DatasetDescriptor descriptor, Path directory, List<Path> trainFiles,
                          List<Path> testFiles, String source) {
        this(descriptor, directory, trainFiles, testFiles, source, 0, 0);
    }

    private LocatedDataset(DatasetDescriptor descriptor, Path directory, List<Path> trainFiles,
                           List<Path> testFiles, String source, double testFraction, long splitSeed) {
        this(descriptor, directory, trainFiles, testFiles, source, testFraction, splitSeed, null, false);
    }

    private LocatedDataset(DatasetDescriptor descriptor, Path directory, List<Path> trainFiles,
                           List<Path> testFiles, String source, double testFraction, long splitSeed,
                           long[] imageShape, boolean resize) {
        this(descriptor, directory, trainFiles, testFiles, source, testFraction, splitSeed, imageShape, resize, null);
    }

    private LocatedDataset(DatasetDescriptor descriptor, Path directory, List<Path> trainFiles,
                           List<Path> testFiles, String source, double testFraction, long splitSeed,
                           long[] imageShape, boolean resize, DatasetReader reader) {
        this.reader = reader;
        this.imageShape = imageShape == null ? null : imageShape.clone();
        this.resize = resize;
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.trainFiles = List.copyOf(trainFiles);
        this.testFiles = List.copyOf(testFiles);
        this.source = Objects.requireNonNull(source, "source");
        this.testFraction = testFraction;
        this.splitSeed = splitSeed;
    }

    /**
     * A data set a plugin's reader reads from the spec's path.
     *
     * @param name   the name the spec gives it (the reader's type)
     * @param reader the reader
     * @param path   the spec's {@code data.path}
     * @return where it is
     * @throws DataNotFoundException if the reader does not find the data set at the path
     */
    public static LocatedDataset read(String name, DatasetReader reader, Path path) {
        List<Path> files;
        boolean test;
        try {
            files = reader.files(path);
            test = reader.hasTestSplit(path);
        } catch (java.io.IOException | RuntimeException e) {
            throw new DataNotFoundException(name, List.of("explicit path " + path + " (from the spec): " + e.getMessage()),
                    "correct the path: " + reader.layout());
        }
        if (files.isEmpty()) {
            throw new DataNotFoundException(name, List.of("explicit path " + path + " (from the spec): the reader "
                    + "found no files"), "correct the path: " + reader.layout());
        }
        DatasetDescriptor d = new DatasetDescriptor(name, DataFormat.PLUGIN, List.of(), reader.layout(), null, "none");
        Path directory = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        return new LocatedDataset(d, directory, files, test ? files : List.of(), "explicit path " + path
                + " (from the spec), read by the plugin reader '" + name + "'", 0, 0, null, false,
                new PathReader(reader, path));
    }

    /**
     * @return whether there is a test split: the files' own, or one held out by
     *         {@link #withTestFraction} (a user's own data may have only training images)
     */
    public boolean hasTestSplit() {
        return !testFiles.isEmpty() || testFraction > 0;
    }

    /**
     * The same data set with its test split held out of the training images, for data that has
     * none: {@link #train()} gives the rest, {@link #test()} the held-out images, as
     * {@link Splits#randomFraction} chooses them.
     *
     * @param fraction the share of the training images to hold out, {@code 0 < fraction < 1}
     * @param seed     the split's seed
     * @return the data set so split
     * @throws IllegalStateException if there is a test split already
     */
    public LocatedDataset withTestFraction(double fraction, long seed) {
        if (hasTestSplit()) {
            throw new IllegalStateException(this + " has a test split of its own");
        }
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the test fraction must be between 0 and 1, got " + fraction);
        }
        return new LocatedDataset(descriptor, directory, trainFiles, testFiles, source, fraction, seed, imageShape,
                resize, reader);
    }

    /**
     * The same image folder with every image read at one shape: converted to its channels (grey
     * as luminance, or repeated into RGB), and scaled to its size if {@code resize}, else an image
     * of another size is an error naming the file.
     *
     * @param shape  {@code [C, H, W]}, C 1 or 3
     * @param resize whether images of another size are scaled (bilinear)
     * @return the data set so read
     * @throws IllegalStateException if it is not an image folder
     */
    public LocatedDataset withImageShape(long[] shape, boolean resize) {
        if (descriptor.format() != DataFormat.IMAGE_FOLDER) {
            throw new IllegalStateException(name() + " has images of one shape; only an image folder is read at one");
        }
        if (shape.length != 3 || (shape[0] != 1 && shape[0] != 3) || shape[1] < 1 || shape[2] < 1) {
            throw new IllegalArgumentException("an image shape is [C, H, W] with C 1 or 3, got "
                    + java.util.Arrays.toString(shape));
        }
        return new LocatedDataset(descriptor, directory, trainFiles, testFiles, source, testFraction, splitSeed, shape,
                resize);
    }

    /** @return the data set's name, e.g. {@code "fashion-mnist"} */
    public String name() {
        return descriptor.name();
    }

    /** @return what vae4j knows about the data set */
    public DatasetDescriptor descriptor() {
        return descriptor;
    }

    /** @return the directory the files are in */
    public Path directory() {
        return directory;
    }

    /** @return how the data set was found: which of the locator's places, or a download */
    public String source() {
        return source;
    }

    /** @return the files read, training files first, then test files */
    public List<Path> files() {
        List<Path> all = new ArrayList<>(trainFiles);
        all.addAll(testFiles);
        // an npz file holds both splits
        return all.stream().distinct().toList();
    }

    /** @return the files of the test split, in reading order */
    public List<Path> testFiles() {
        return testFiles;
    }

    /**
     * @return the SHA-256 of each training file, by file name (what a model trained on this data
     *         set depends on)
     */
    public Map<String, String> trainSha256() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Path f : trainFiles) {
            out.put(f.getFileName().toString(), sha256().get(f));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The SHA-256 of each file, for a run's provenance record. Hashed on the first call (about a
     * second for CIFAR-10), then remembered by this object.
     *
     * @return file to lower-case hex SHA-256, in the order of {@link #files()}
     */
    public synchronized Map<Path, String> sha256() {
        if (sha256 == null) {
            Map<Path, String> hashes = new LinkedHashMap<>();
            for (Path f : files()) {
                hashes.put(f, Sha256.of(f));
            }
            sha256 = Collections.unmodifiableMap(hashes);
        }
        return sha256;
    }

    /**
     * Reads the training images.
     *
     * @return them, described as e.g. "fashion-mnist train"
     * @throws DataFormatException if a file is damaged
     */
    public ImageSet train() {
        if (testFraction > 0) {
            return split().train().withDescription(name() + " train");
        }
        return read(false).withDescription(name() + " train");
    }

    /**
     * Reads the test images.
     *
     * @return them, described as e.g. "fashion-mnist test"
     * @throws DataFormatException if a file is damaged
     */
    public ImageSet test() {
        if (testFraction > 0) {
            return split().validation().withDescription(name() + " test (" + Math.round(testFraction * 100)
                    + " % of the training images, seed " + splitSeed + ")");
        }
        if (!hasTestSplit()) {
            throw new DataFormatException(directory, -1, name() + " data with no test split: " + missingTestSplit()
                    + ", or set $.data.testFraction to hold out that share of the training images (e.g. 0.1)");
        }
        return read(true).withDescription(name() + " test");
    }

    /** @return what to add for a test split of the user's own data */
    private String missingTestSplit() {
        return switch (descriptor.format()) {
            case NPY -> "add " + NumpyReader.X_TEST + ".npy (and " + NumpyReader.Y_TEST + ".npy if labelled)";
            case NPZ -> "add the arrays " + NumpyReader.X_TEST + " (and " + NumpyReader.Y_TEST + " if labelled)";
            case IMAGE_FOLDER -> "add test/<class>/ folders";
            case PLUGIN -> "its reader found none (" + descriptor.homepage() + ")";
            default -> "the data set is incomplete";
        };
    }

    private synchronized TrainValidation split() {
        if (heldOut == null) {
            heldOut = Splits.randomFraction(read(false), testFraction, splitSeed);
        }
        return heldOut;
    }

    private ImageSet read(boolean test) {
        List<Path> files = test ? testFiles : trainFiles;
        return switch (descriptor.format()) {
            case IDX -> {
                ImageSet set = IdxReader.read(files.get(0), files.get(1));
                // MNIST, Fashion-MNIST and KMNIST all have ten classes
                IdxReader.requireLabelsBelow(files.get(1), set.labels(), IDX_CLASSES);
                yield set;
            }
            case CIFAR10_BINARY -> Cifar10Reader.read(files);
            case IMAGE_FOLDER -> ImageFolderReader.read(files, classNames(), imageShape != null ? imageShape
                    : test ? ImageFolderReader.shapeOf(trainFiles.get(0)) : null, resize);
            case NPY -> NumpyReader.readNpy(files.get(0), files.size() > 1 ? files.get(1) : null,
                    test ? classNames().size() : 0);
            case NPZ -> NumpyReader.readNpz(files.get(0), test, test ? classNames().size() : 0);
            case PLUGIN -> ((PathReader) reader).images(name(), test);
        };
    }

    /**
     * @return the class names, in label order: an image folder's class folders under
     *         {@code train/}, sorted; "class 0" ... for NumPy arrays, as many as the training
     *         labels span (one if unlabelled); a known data set's names (ten classes for all of them)
     */
    public synchronized List<String> classNames() {
        if (classNames == null) {
            classNames = findClassNames();
        }
        return classNames;
    }

    private List<String> findClassNames() {
        if (descriptor.format() == DataFormat.PLUGIN) {
            return ((PathReader) reader).classNames(name());
        }
        if (descriptor.format() == DataFormat.NPY || descriptor.format() == DataFormat.NPZ) {
            return ClassNames.of(name(), NumpyReader.classCount(descriptor.format(), trainFiles));
        }
        if (descriptor.format() != DataFormat.IMAGE_FOLDER) {
            return ClassNames.of(name(), IDX_CLASSES);
        }
        try {
            return ImageFolderReader.classFolders(directory.resolve("train")).stream()
                    .map(p -> p.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + directory.resolve("train") + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name() + " in " + directory + " (" + source + ")";
    }
}
