/**
 * Trained models from Java code: {@link org.vae4j.runner.inference.RunModel} opens a run folder
 * the way {@code vae4j eval} does and encodes, decodes, samples, reconstructs and scores images
 * given as {@code float[][]}.
 */
package org.vae4j.runner.inference;
