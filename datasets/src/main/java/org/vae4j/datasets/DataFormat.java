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
    IMAGE_FOLDER
}
