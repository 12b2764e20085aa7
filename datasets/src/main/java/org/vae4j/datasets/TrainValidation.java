package org.vae4j.datasets;

import java.util.Objects;

/**
 * A training set and the validation set held out of it.
 *
 * @param train      the images to train on
 * @param validation the held-out images
 */
public record TrainValidation(ImageSet train, ImageSet validation) {
    /**
     * Checks both are present.
     *
     * @param train      the images to train on
     * @param validation the held-out images
     */
    public TrainValidation {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
    }
}
