package org.vae4j.datasets;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data sets vae4j knows by name, with their official download locations and checksums.
 *
 * <p>Every SHA-256 here is a published value, copied from TensorFlow Datasets' download checksum
 * files ({@code tensorflow_datasets/url_checksums/*.txt} in github.com/tensorflow/datasets), which
 * pin each URL's bytes and size; none was computed from an unverified download. Fashion-MNIST's
 * Debian package ({@code dataset-fashion-mnist}) holds the same images and labels re-compressed
 * (its {@code .gz} headers differ, so its files do not hash to these values; their decompressed
 * contents match the MD5 sums the Fashion-MNIST authors publish), which is why local files are
 * hashed for provenance but only downloads are checked against these values.
 */
public final class DatasetCatalog {
    /** The IDX file names shared by MNIST, Fashion-MNIST and KMNIST, in reading order. */
    static final List<String> IDX_FILES = List.of("train-images-idx3-ubyte.gz",
            "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    /** The name of the data set made of the user's own image files ({@link DataFormat#IMAGE_FOLDER}). */
    public static final String IMAGE_FOLDER = "image-folder";
    /** The name of the data set made of the user's own NumPy arrays, one file each ({@link DataFormat#NPY}). */
    public static final String NPY = "npy";
    /** The name of the data set made of the user's own NumPy arrays in one file ({@link DataFormat#NPZ}). */
    public static final String NPZ = "npz";

    private static final String TFDS = "github.com/tensorflow/datasets, tensorflow_datasets/url_checksums/";

    private static final DatasetCatalog STANDARD = new DatasetCatalog(List.of(
            idx("fashion-mnist", "https://github.com/zalandoresearch/fashion-mnist", "dataset-fashion-mnist",
                    TFDS + "fashion_mnist.txt",
                    List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
                    new String[] {
                        "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                        "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                        "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                        "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"},
                    new long[] {26421880, 29515, 4422102, 5148}),
            idx("mnist", "http://yann.lecun.com/exdb/mnist/", null, TFDS + "mnist.txt",
                    // CVDF's mirror is the URL the checksums were published for; the others serve
                    // the same files and are tried only if it fails (checked against the same hash).
                    List.of("https://storage.googleapis.com/cvdf-datasets/mnist/",
                            "https://ossci-datasets.s3.amazonaws.com/mnist/",
                            "http://yann.lecun.com/exdb/mnist/"),
                    new String[] {
                        "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                        "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                        "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                        "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"},
                    new long[] {9912422, 28881, 1648877, 4542}),
            idx("kmnist", "https://github.com/rois-codh/kmnist", null, TFDS + "kmnist.txt",
                    List.of("http://codh.rois.ac.jp/kmnist/dataset/kmnist/"),
                    new String[] {
                        "51467d22d8cc72929e2a028a0428f2086b092bb31cfb79c69cc0a90ce135fde4",
                        "e38f9ebcd0f3ebcdec7fc8eabdcdaef93bb0df8ea12bee65224341c8183d8e17",
                        "edd7a857845ad6bb1d0ba43fe7e794d164fe2dce499a1694695a792adfac43c5",
                        "20bb9a0ef54c7db3efc55a92eef5582c109615df22683c380526788f98e42a1c"},
                    new long[] {18165135, 29497, 3041136, 5120}),
            new DatasetDescriptor("cifar-10", DataFormat.CIFAR10_BINARY,
                    List.of(new RemoteFile("cifar-10-binary.tar.gz",
                            List.of(URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz")),
                            "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd",
                            170052171)),
                    "https://www.cs.toronto.edu/~kriz/cifar.html", null, TFDS + "cifar10.txt"),
            // your own images: found only where data.path says, never downloaded
            new DatasetDescriptor(IMAGE_FOLDER, DataFormat.IMAGE_FOLDER, List.of(),
                    "train/<class>/ and test/<class>/ image folders, as torchvision's ImageFolder", null, "none"),
            new DatasetDescriptor(NPY, DataFormat.NPY, List.of(),
                    "x_train.npy, x_test.npy (y_train.npy, y_test.npy) NumPy arrays", null, "none"),
            new DatasetDescriptor(NPZ, DataFormat.NPZ, List.of(),
                    "an .npz file of x_train, x_test (y_train, y_test), as Keras's mnist.npz", null, "none")));

    private final Map<String, DatasetDescriptor> byName = new LinkedHashMap<>();

    /**
     * A catalog of the given data sets, e.g. to add one or, in tests, to point at a local server.
     *
     * @param datasets the descriptors; names must be unique
     */
    public DatasetCatalog(List<DatasetDescriptor> datasets) {
        for (DatasetDescriptor d : datasets) {
            if (byName.putIfAbsent(d.name(), d) != null) {
                throw new IllegalArgumentException("data set '" + d.name() + "' is listed twice");
            }
        }
    }

    /** @return the built-in catalog: fashion-mnist, mnist, kmnist, cifar-10, image-folder, npy, npz */
    public static DatasetCatalog standard() {
        return STANDARD;
    }

    /** @return the names of the data sets, in catalog order */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** @return all descriptors, in catalog order */
    public List<DatasetDescriptor> all() {
        return List.copyOf(byName.values());
    }

    /**
     * @param name a data set name
     * @return its descriptor, if the catalog has it
     */
    public Optional<DatasetDescriptor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * @param name a data set name
     * @return its descriptor
     * @throws IllegalArgumentException naming the known data sets, if it is not one of them
     */
    public DatasetDescriptor get(String name) {
        DatasetDescriptor d = byName.get(name);
        if (d == null) {
            throw new IllegalArgumentException("unknown data set '" + name + "', expected one of "
                    + String.join(", ", byName.keySet()));
        }
        return d;
    }

    private static DatasetDescriptor idx(String name, String homepage, String systemPackage,
                                         String checksumSource, List<String> baseUrls,
                                         String[] sha256, long[] sizes) {
        List<RemoteFile> files = new ArrayList<>();
        for (int i = 0; i < IDX_FILES.size(); i++) {
            String file = IDX_FILES.get(i);
            List<URI> urls = new ArrayList<>();
            for (String base : baseUrls) {
                urls.add(URI.create(base + file));
            }
            files.add(new RemoteFile(file, urls, sha256[i], sizes[i]));
        }
        return new DatasetDescriptor(name, DataFormat.IDX, files, homepage, systemPackage,
                checksumSource);
    }
}
