/**
 * File formats for arrays and checkpoints, chosen so that NumPy and other tools can read them:
 * {@link org.vae4j.engine.io.Npy} for one array in NumPy's NPY format,
 * {@link org.vae4j.engine.io.Npz} for a named set of arrays as a zip of NPY files (what
 * {@code numpy.savez} writes and {@code numpy.load} reads), and
 * {@link org.vae4j.engine.io.AtomicFiles} so that a file is replaced whole or not at all.
 *
 * <p>Nothing here uses Java serialization: the formats are documented and stable across vae4j and
 * ND4J versions.
 */
package org.vae4j.engine.io;
