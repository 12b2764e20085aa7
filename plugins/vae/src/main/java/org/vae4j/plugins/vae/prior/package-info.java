/**
 * The built-in prior p(z): {@code standard-normal}, N(0, I), with the closed-form KL divergence
 * of a diagonal Gaussian posterior from it.
 */
package org.vae4j.plugins.vae.prior;
