/**
 * Image data for vae4j, knowing nothing of models: readers for the IDX (MNIST family) and
 * CIFAR-10 binary formats into an immutable {@link org.vae4j.datasets.ImageSet}, pixel transforms
 * (scale, quantize, binarize, ...), train/validation splits, reproducible mini-batches as ND4J
 * arrays, and {@link org.vae4j.datasets.DataLocator}, which finds a data set on disk or downloads
 * and verifies it.
 *
 * <p>Everything is deterministic given its seeds: a shuffle is a function of (seed, epoch), a
 * stochastic binarization a function of (seed, image) or (seed, epoch, image), never of batch
 * order or thread timing.
 *
 * <p>Errors in data files are {@link org.vae4j.datasets.DataFormatException}s that name the file
 * and the byte offset at fault; a data set that cannot be found anywhere is one
 * {@link org.vae4j.datasets.DataNotFoundException} naming every place tried and the fix.
 */
package org.vae4j.datasets;
