/**
 * Convolutional encoders and decoders ({@code "type": "cnn"}): strided convolutions down to a
 * small feature map and a dense layer to the posterior, mirrored by transposed convolutions back
 * to the image size; e.g. seed 000's 4-bit Fashion-MNIST VAE (the defaults) and seed 002's
 * CIFAR-10 autoencoders.
 */
package org.vae4j.plugins.cnn;
