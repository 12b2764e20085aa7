/**
 * The ND4J machinery of vae4j: layers with explicit forward and backward passes, parameter
 * storage, optimizers, the VAE and autoencoder objectives, training and evaluation loops,
 * checkpoints, and the built-in likelihoods, prior and beta schedules.
 */
package org.vae4j.engine;
