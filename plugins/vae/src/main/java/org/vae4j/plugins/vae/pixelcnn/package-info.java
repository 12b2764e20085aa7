/**
 * Autoregressive decoders: p(x|z) as a product over pixels in raster order, each conditioned on z
 * and on the pixels before it, such as the PixelCNN decoder ({@code "decoder": {"type":
 * "pixelcnn"}}).
 */
package org.vae4j.plugins.vae.pixelcnn;
