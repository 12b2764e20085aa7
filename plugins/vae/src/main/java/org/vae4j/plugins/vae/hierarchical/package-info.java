/**
 * The hierarchical VAE family, {@code "model": {"type": "hierarchical-vae", ...}}: two stochastic
 * layers z1 (next to the data) and z2 (the top), as Burda et al.'s two-layer model.
 */
package org.vae4j.plugins.vae.hierarchical;
