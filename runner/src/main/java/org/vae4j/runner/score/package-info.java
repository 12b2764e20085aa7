/**
 * {@code vae4j score}: one comparable figure of sample quality for any model that samples. A
 * small reference CNN, trained by vae4j itself on the data set's labels once and cached with the
 * hash of its training data, maps images to features; the Fréchet distance between the features
 * of a model's samples and those of the test images, the classifier's test accuracy and the
 * entropy of the classes it assigns to the samples make the score (docs/SCORE.md).
 */
package org.vae4j.runner.score;
