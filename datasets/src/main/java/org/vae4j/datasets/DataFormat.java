package org.vae4j.datasets;

/** The on-disk formats vae4j reads, each with the files that make up a data set. */
public enum DataFormat {
    /**
     * IDX, as MNIST, Fashion-MNIST and KMNIST ship: {@code train-images-idx3-ubyte.gz},
     * {@code train-labels-idx1-ubyte.gz}, {@code t10k-images-idx3-ubyte.gz},
     * {@code t10k-labels-idx1-ubyte.gz}, each also accepted without {@code .gz} (decompressed).
     * Read by {@link IdxReader}.
     */
    IDX,
    /**
     * The CIFAR-10 binary version: {@code cifar-10-binary.tar.gz}, which holds
     * {@code cifar-10-batches-bin/data_batch_1.bin} ... {@code data_batch_5.bin} and
     * {@code test_batch.bin}. Read by {@link Cifar10Reader}.
     */
    CIFAR10_BINARY,
    /**
     * Image files in a folder per class: {@code train/<class>/*.png} and {@code test/<class>/*.png}
     * (also JPEG, BMP, GIF). Read by {@link ImageFolderReader}.
     */
    IMAGE_FOLDER("a folder with train/<class>/ and test/<class>/ holding the images"),
    /**
     * NumPy arrays in a folder: {@code x_train.npy} and {@code x_test.npy}, with
     * {@code y_train.npy} and {@code y_test.npy} as the labels if there are any. Read by
     * {@link NumpyReader}.
     */
    NPY("a folder holding x_train.npy and x_test.npy (and y_train.npy, y_test.npy for labels)"),
    /**
     * One NPZ file (as {@code numpy.savez} or {@code savez_compressed} write, and as Keras ships
     * {@code mnist.npz}) holding the arrays {@code x_train} and {@code x_test}, with {@code y_train}
     * and {@code y_test} as the labels if there are any. Read by {@link NumpyReader}.
     */
    NPZ("an .npz file holding the arrays x_train and x_test (and y_train, y_test for labels)"),
    /**
     * A format a plugin reads: a {@link org.vae4j.api.data.DatasetReader} registered under the
     * data set's name, which says what the path must be.
     */
    PLUGIN("as the data set's reader says");

    private final String ownDataLayout;

    DataFormat() {
        this(null);
    }

    DataFormat(String ownDataLayout) {
        this.ownDataLayout = ownDataLayout;
    }

    /**
     * @return for the formats of a user's own data, which are found only where the spec's
     *         {@code data.path} says and never downloaded, what that path must be; {@code null}
     *         for the formats of the catalog's published data sets
     */
    public String ownDataLayout() {
        return ownDataLayout;
    }
}
