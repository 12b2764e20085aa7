package org.vae4j.datasets;

/** Ways to hold out validation images. Splits are views: nothing is copied. */
public final class Splits {
    private Splits() {
    }

    /**
     * Holds out the last {@code n} images as validation, the first {@code size - n} stay for
     * training. This is what the seed experiments do (e.g. 55000 + 5000 of Fashion-MNIST's 60000),
     * and since the order of the files is fixed, it needs no seed.
     *
     * @param train the full training set
     * @param n     how many images to hold out, {@code 0 <= n < train.size()}
     * @return the split
     * @throws IllegalArgumentException if {@code n} is negative or leaves no training image
     */
    public static TrainValidation lastAsValidation(ImageSet train, int n) {
        if (n < 0 || n >= train.size()) {
            throw new IllegalArgumentException("cannot hold out " + n + " validation images from "
                    + train.description() + ", which has " + train.size() + " images: need 0 <= n < "
                    + train.size() + " so that at least one image is left to train on");
        }
        int cut = train.size() - n;
        return new TrainValidation(train.slice(0, cut), train.slice(cut, train.size()));
    }
}
