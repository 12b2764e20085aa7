/**
 * Seed 004, "From reversing convolutions to VAEs": Zeiler and Fergus's undoable layers
 * ({@link org.vae4j.plugins.deconvnet.UndoableConv2d}, {@link org.vae4j.plugins.deconvnet.UndoableMaxPool2d},
 * {@link org.vae4j.plugins.deconvnet.UndoableReLU} and more) with the activation visualization of
 * {@link org.vae4j.plugins.deconvnet.UndoableSequential}, AlexNet's {@code features}
 * ({@link org.vae4j.plugins.deconvnet.AlexNet}), the convolutional autoencoder ({@code "type": "conv-ae"})
 * and the output assumptions as likelihoods ({@code gauss}, {@code truncated}, {@code binomial},
 * {@code binary}). docs/VISUALIZE.md describes them.
 */
package org.vae4j.plugins.deconvnet;
