/** The {@code vae4j visualize} command: pictures in, a deconvnet view of a layer's activations out. */
package org.vae4j.plugins.deconvnet.visualize;
