package org.vae4j.datasets;

/** Ways to hold out images: the last n as a view, or a seeded random fraction as copies. */
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

    /**
     * Holds out a seeded random fraction of the images (a test split for data that has none):
     * {@code round(fraction * size)} images, at least one, chosen by a Fisher-Yates shuffle of the
     * indices with {@code seed}; both parts keep the images' order. The same images, fraction and
     * seed always give the same split.
     *
     * @param set      the images
     * @param fraction the share to hold out, {@code 0 < fraction < 1}
     * @param seed     the shuffle's seed
     * @return the rest as {@code train}, the held-out images as {@code validation}
     * @throws IllegalArgumentException if the fraction is outside (0, 1) or the set has fewer than
     *                                  two images
     */
    public static TrainValidation randomFraction(ImageSet set, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the fraction to hold out must be between 0 and 1, got " + fraction);
        }
        int n = set.size();
        if (n < 2) {
            throw new IllegalArgumentException(set.description() + " has " + n + " image(s): too few to split");
        }
        return random(set, (int) Math.max(1, Math.min(n - 1, Math.round(fraction * n))), seed);
    }

    /**
     * Holds out {@code held} images chosen by a Fisher-Yates shuffle of the indices with
     * {@code seed} (a validation split of data stored class by class, where the last images would
     * all be of the last classes); both parts keep the images' order.
     *
     * @param set  the images
     * @param held how many to hold out, {@code 0 <= held < set.size()}
     * @param seed the shuffle's seed
     * @return the rest as {@code train}, the held-out images as {@code validation}
     * @throws IllegalArgumentException if {@code held} is negative or leaves no image
     */
    public static TrainValidation random(ImageSet set, int held, long seed) {
        int n = set.size();
        if (held < 0 || held >= n) {
            throw new IllegalArgumentException("cannot hold out " + held + " images from " + set.description()
                    + ", which has " + n + " images: need 0 <= n < " + n + " so that at least one image is left");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] out = new boolean[n];
        for (int i = 0; i < held; i++) {
            out[order[i]] = true;
        }
        int[] keep = new int[n - held];
        int[] hold = new int[held];
        for (int i = 0, k = 0, h = 0; i < n; i++) {
            if (out[i]) {
                hold[h++] = i;
            } else {
                keep[k++] = i;
            }
        }
        return new TrainValidation(set.select(keep, "(kept)"), set.select(hold, "(held out)"));
    }
}
