/**
 * The {@code vae4j} command: reads a JSON experiment spec, resolves its components by name among
 * the registered providers, assembles the model, trains it on batches from the datasets module
 * and writes a run directory. The only module that knows all the others.
 */
package org.vae4j.runner;
