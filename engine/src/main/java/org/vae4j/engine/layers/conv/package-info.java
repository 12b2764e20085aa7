/**
 * Convolutional layers over NCHW batches with explicit backward passes, matching PyTorch's
 * {@code nn.Conv2d}, {@code nn.ConvTranspose2d}, {@code nn.AvgPool2d}, {@code nn.MaxPool2d},
 * nearest {@code nn.Upsample}, {@code nn.Flatten} and reshapes in output sizes, weight layouts
 * and default initialization, so that PyTorch architectures and weights carry over as they are.
 *
 * <p>Per-example shapes are {@code [C, H, W]}; every layer computes its output shape when it is
 * built and rejects a configuration that does not fit its input with a
 * {@link org.vae4j.engine.layers.ShapeMismatchException} naming the layer and the sizes.
 */
package org.vae4j.engine.layers.conv;
